using UsmpCare.Domain.Treatments;

namespace UsmpCare.Web.Treatments;

/// <summary>
/// « Traitement en cours » of a patient, read from his signed prescriptions (issue #20): the one query the chart, the
/// prescriber's checks and whatever else lists a patient's treatment go through.
/// </summary>
public static class ActiveTreatments
{
    /// <summary>
    /// P30: the active lines as this reader may see them — those of the records he may read (<c>OpenedPatient.ReadableTeams</c>,
    /// decided by <c>RecordScopes</c>: the other team's only while the patient agrees to sharing) in <c>Visible</c>, and
    /// the other team's kept out of sight in <c>Hidden</c>, for the prescriber's anonymous clash check
    /// (<see cref="PrescribingChecks.HiddenClash"/>). A version is superseded only within its own team, so the chain
    /// stays whole on both sides.
    /// </summary>
    public static async Task<WalledTreatment> ForPatientAsync(AppDbContext db, Guid patientId,
        IReadOnlyCollection<Team> readableTeams, DateOnly today) =>
        ActiveTreatment.Walled(ActiveTreatment.Of(await db.Prescriptions.AsNoTracking()
            .Where(p => p.PatientId == patientId && p.Status == PrescriptionStatus.Signed)
            .ToListAsync(), today), readableTeams);
}
