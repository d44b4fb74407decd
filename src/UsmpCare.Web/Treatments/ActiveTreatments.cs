using UsmpCare.Domain.Treatments;

namespace UsmpCare.Web.Treatments;

/// <summary>
/// « Traitement en cours » of a patient, read from his signed prescriptions (issue #20): the one query the chart, the
/// prescriber's checks and whatever else lists a patient's treatment go through.
/// </summary>
public static class ActiveTreatments
{
    /// <summary>
    /// The active lines of the prescriptions of these teams' records. P30: pass the teams the reader may read
    /// (<c>OpenedPatient.ReadableTeams</c>, decided by <c>RecordScopes</c>): the other team's lines only while the
    /// patient agrees to sharing. A version is superseded only within its own team, so filtering by team keeps the chain whole.
    /// </summary>
    public static async Task<IReadOnlyList<ActiveLine>> ForPatientAsync(AppDbContext db, Guid patientId,
        IReadOnlyCollection<Team> teams, DateOnly today) =>
        ActiveTreatment.Of(await db.Prescriptions.AsNoTracking()
            .Where(p => p.PatientId == patientId && p.Status == PrescriptionStatus.Signed && teams.Contains(p.Team))
            .ToListAsync(), today);
}
