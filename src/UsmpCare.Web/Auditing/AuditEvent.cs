namespace UsmpCare.Web.Auditing;

/// <summary>What happened, in the categories of the audit trail (ONC (d)(2), CNIL logging recommendation).</summary>
public enum AuditAction
{
    SignIn,
    SignInFailed,
    SignOut,
    Read,
    Write,
    Denied,
    Verify,
    BreakGlass,
    // Second factor (P16, ONC (d)(13)); a session opened with it is a SignIn row whose target is /Account/Code or
    // /Account/Enrol.
    MfaFailed,
    MfaEnrolled,
    RecoveryCodeUsed,
    RecoveryCodesRenewed,
    MfaReset,
    // Re-authentication before a sensitive action (ASVS V3.7.1).
    Reauthenticated,
    ReauthFailed,
    // The trail's HMAC key was changed by rotate-audit-key: the row is sealed with the old key and names both keys'
    // fingerprints (AuditKey.RotationTarget); the rows after it are sealed with the new key.
    KeyRotated,
    // P16: an account opened, suspended, restored or moved to another team (target: the account and the change).
    AccountChanged,
    // CNIL 2022-100: the user changed his own password.
    PasswordChanged,
}

/// <summary>
/// One row of the tamper-evident audit trail (P16): who, which patient, what, when (UTC), outcome. Rows are chained: each
/// one's HMAC covers its fields and the previous row's HMAC, with a key that is not in the database, so an altered,
/// deleted or inserted row breaks the chain where it happened. The table is append-only for every role.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string Roles { get; set; } = "";
    public AuditAction Action { get; set; }
    public string Target { get; set; } = "";
    public Guid? PatientId { get; set; }
    public Guid? UnitId { get; set; }
    public int Status { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    /// <summary>An event by the signed-in user: who he is, as every audit row records him.</summary>
    public static AuditEvent By(System.Security.Claims.ClaimsPrincipal user, AuditAction action, string target, int status,
        Guid? patientId = null, Guid? unitId = null) => new()
    {
        UserId = Authorization.UsmpClaims.UserId(user),
        UserName = user.FindFirst(Authorization.UsmpClaims.DisplayName)?.Value ?? "",
        Roles = string.Join(",", Authorization.UsmpClaims.Roles(user)),
        Action = action,
        Target = target,
        PatientId = patientId,
        UnitId = unitId,
        Status = status,
    };

    /// <summary>The exact text the HMAC covers; any change to a field changes it.</summary>
    public string Canonical() => string.Join('|', Id, At.ToUniversalTime().ToString("O"), UserId, UserName, Roles, Action,
        Target, PatientId, UnitId, Status, PreviousHash);
}
