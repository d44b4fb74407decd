using System.Security.Claims;
using UsmpCare.Web.Auditing;

namespace UsmpCare.Web.Accounts;

/// <summary>
/// P16: every change to an account is one audit row — who changed it (the signed-in user), for whom (the account's id
/// and name) and what (opened with which role, team and units; suspended, restored; moved to a team).
/// </summary>
public static class AccountAudit
{
    public static Task RecordAsync(AuditTrail trail, ClaimsPrincipal by, string page, User account, string change,
        Guid? unitId = null)
    {
        var target = $"{page}/{account.Id} {account.DisplayName} : {change}";
        return trail.AppendAsync(AuditEvent.By(by, AuditAction.AccountChanged, target[..Math.Min(target.Length, 400)],
            StatusCodes.Status200OK, unitId: unitId));
    }

    /// <summary>What an account was opened with, for the audit row.</summary>
    public static string Opened(NewAccount input, IEnumerable<string> unitCodes) =>
        $"compte ouvert, rôle {input.Role.Label()}{(input.Role.IsClinical() && input.Team is { } team ? ", équipe " + team.Label().ToLowerInvariant() : "")}, unités {string.Join(", ", unitCodes)}";

    public static string Active(bool active) => active ? "compte rétabli" : "compte suspendu";
}
