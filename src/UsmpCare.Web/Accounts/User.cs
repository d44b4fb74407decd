using Microsoft.AspNetCore.Identity;

namespace UsmpCare.Web.Accounts;

/// <summary>
/// A staff account. The professional identity (name, RPPS) is printed on the documents a physician signs (P22).
/// </summary>
public sealed class User : IdentityUser<Guid>
{
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";

    /// <summary>Répertoire partagé des professionnels de santé number: 11 digits, physicians only.</summary>
    public string? Rpps { get; set; }

    /// <summary>Care team of clinical staff (P30); null for non-clinical roles.</summary>
    public Team? Team { get; set; }

    /// <summary>Demo accounts exist only in Development: the app refuses to start elsewhere while one exists.</summary>
    public bool IsDemo { get; set; }

    /// <summary>Disabled accounts cannot sign in; accounts are never deleted, their audit trail refers to them.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>
    /// The 30-second step of the last authenticator code accepted: no code of that step or an earlier one is accepted
    /// again, so a code seen over a shoulder or replayed from a capture is useless (ASVS V2.8.4).
    /// </summary>
    public long? LastTotpStep { get; set; }

    public List<UnitMembership> Memberships { get; set; } = [];

    public string DisplayName => $"{FirstName} {LastName}".Trim();
}

/// <summary>Membership of an account in a unit: patient data of other units is invisible.</summary>
public sealed class UnitMembership
{
    public Guid UserId { get; set; }
    public Guid UnitId { get; set; }
}
