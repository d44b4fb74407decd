namespace UsmpCare.Web.Auditing;

/// <summary>
/// Break-the-glass (ONC (d)(6)): a physician outside the patient's team or unit opens the record in an emergency, with a
/// reason, for a limited time, read-only; every read is flagged in the audit trail and the coordinator reviews the list.
/// Grants are append-only.
/// </summary>
public sealed class BreakGlassGrant
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public string UserName { get; set; } = "";
    public Guid PatientId { get; set; }
    public Guid PatientUnitId { get; set; }
    public string Reason { get; set; } = "";
    public DateTimeOffset GrantedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
