using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Followup;

/// <summary>A follow-up item of one patient, kept in the record of the team that wrote it (P30).</summary>
public interface IFollowupItem : IUnitScoped
{
    Guid PatientId { get; }
    Team Team { get; }
}
