using UsmpCare.Domain.Treatments;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Treatments;

/// <summary>
/// P30: a patient's active treatment as the opened reader may see it — the lines of the records he may read (his team's,
/// the other team's only where the patient agreed to sharing), and the other team's lines kept out of sight for the
/// prescriber's anonymous clash check (<see cref="PrescribingChecks.HiddenClash"/>). The prescribing pages call it
/// before <see cref="Prescription.AddLine"/>, with <see cref="WalledTreatment.Hidden"/> as its hidden lines.
/// </summary>
public static class TreatmentWall
{
    public static Task<WalledTreatment> ForAsync(AppDbContext db, OpenedPatient opened, DateOnly today) =>
        ForAsync(db, opened.Patient.Id, opened.ReadableTeams, today);

    public static async Task<WalledTreatment> ForAsync(AppDbContext db, Guid patientId, IReadOnlyCollection<Team> readableTeams,
        DateOnly today)
    {
        var signed = await db.Prescriptions.AsNoTracking()
            .Where(p => p.PatientId == patientId && p.Status == PrescriptionStatus.Signed).ToListAsync();
        return ActiveTreatment.Walled(ActiveTreatment.Of(signed, today), readableTeams);
    }
}
