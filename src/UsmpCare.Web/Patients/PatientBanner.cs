using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;

namespace UsmpCare.Web.Patients;

/// <summary>What the identity banner shows on every page about one patient.</summary>
public sealed record PatientBanner(Patient Patient, DateOnly Today, IReadOnlyList<MedicalRecord> Records,
    HungerStrike? HungerStrike, ConsentState Consents, bool InformationSheetDue)
{
    public static async Task<PatientBanner> LoadAsync(AppDbContext db, Patient patient, DateOnly today, ConsentState consents)
    {
        var records = await db.MedicalRecords.AsNoTracking().Where(r => r.PatientId == patient.Id)
            .OrderBy(r => r.Team).ToListAsync();
        var strike = await db.HungerStrikes.AsNoTracking()
            .Where(h => h.PatientId == patient.Id && h.EndedOn == null).FirstOrDefaultAsync();
        var sheetDue = await db.Patients.Where(p => p.Id == patient.Id).AnyAsync(InformationSheet.Due(db.InformationSheets));
        return new PatientBanner(patient, today, records, strike, consents, sheetDue);
    }
}
