using Microsoft.AspNetCore.Authorization;

namespace UsmpCare.Web.Authorization;

/// <summary>A unit-scoped resource may be touched only by members of its unit holding the permission.</summary>
public sealed class UnitScopeRequirement(Permission permission) : IAuthorizationRequirement
{
    public Permission Permission { get; } = permission;
}

public sealed class UnitScopeHandler : AuthorizationHandler<UnitScopeRequirement, IUnitScoped>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context,
        UnitScopeRequirement requirement, IUnitScoped resource)
    {
        if (context.User.Can(requirement.Permission) && context.User.UnitIds().Contains(resource.UnitId))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// One of the two records of a patient (P30). <paramref name="SharingAgreed"/> is the patient's recorded agreement
/// to share between the somatic and psychiatric teams.
/// </summary>
public sealed record RecordScope(Guid UnitId, Team Team, bool SharingAgreed) : IUnitScoped;

public enum RecordAccess
{
    Read,
    Write,
}

public sealed class RecordRequirement(RecordAccess access) : IAuthorizationRequirement
{
    public RecordAccess Access { get; } = access;
}

/// <summary>
/// P30: a team reads its own record; the other team's only where the patient agreed to sharing; nobody writes in
/// the other team's record.
/// </summary>
public sealed class RecordScopeHandler : AuthorizationHandler<RecordRequirement, RecordScope>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context,
        RecordRequirement requirement, RecordScope resource)
    {
        var user = context.User;
        if (!user.Can(Permission.ReadRecord) || !user.UnitIds().Contains(resource.UnitId))
        {
            return Task.CompletedTask;
        }
        var ownTeam = user.TeamOf() == resource.Team;
        var allowed = requirement.Access switch
        {
            RecordAccess.Read => ownTeam || resource.SharingAgreed,
            RecordAccess.Write => ownTeam,
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

public static class ScopeRequirements
{
    public static readonly RecordRequirement ReadRecord = new(RecordAccess.Read);
    public static readonly RecordRequirement WriteRecord = new(RecordAccess.Write);
    public static readonly UnitScopeRequirement ViewChart = new(Permission.ViewPatientChart);
    public static readonly UnitScopeRequirement ViewRoster = new(Permission.ViewRoster);
    public static readonly UnitScopeRequirement ManageIdentity = new(Permission.ManagePatientIdentity);
}
