using Microsoft.AspNetCore.Authorization;
using System.Security.Claims;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;
using UsmpCare.Web.Records;

namespace UsmpCare.Web.Disclosures;

/// <summary>
/// Checks text about to leave the care team against the patient's recorded diagnoses and treatments (P25, P05) —
/// those of the records the author may read, so that a refusal message never reveals the other team's record (P30).
/// </summary>
public sealed class OutgoingText(AppDbContext db, IAuthorizationService authorization)
{
    public async Task<string?> RefusalAsync(ClaimsPrincipal user, Patient patient, params string?[] texts) =>
        (await CheckAsync(user, patient, texts)).Refusal;

    /// <summary>The refusal message and the offending words of the texts (to highlight them), or no refusal.</summary>
    public async Task<(string? Refusal, IReadOnlyList<string> Words)> CheckAsync(ClaimsPrincipal user, Patient patient,
        params string?[] texts)
    {
        var labels = new List<string>();
        var codes = new List<string>();
        var treatments = new List<string>();
        foreach (var scope in await RecordScopes.AllAsync(db, patient))
        {
            if (!(await authorization.AuthorizeAsync(user, scope, ScopeRequirements.ReadRecord)).Succeeded)
            {
                continue;
            }
            var entries = await db.Entries(scope.Team).AsNoTracking()
                .Where(ClinicalEntry.Shown).Where(e => e.PatientId == patient.Id && e.Kind == EntryKind.Consultation)
                .ToListAsync();
            labels.AddRange(entries.SelectMany(e => e.Diagnoses.Select(d => d.Label)));
            codes.AddRange(entries.SelectMany(e => e.Diagnoses.Select(d => d.Code)));
            treatments.AddRange(entries.SelectMany(e => e.Prescriptions.Select(p => p.Text)));
        }
        var found = texts.SelectMany(t => MedicalTextCheck.Find(t, labels.Distinct(), codes.Distinct(), treatments.Distinct()))
            .Distinct().ToList();
        var words = texts.SelectMany(t => MedicalTextCheck.Words(t, labels.Distinct(), codes.Distinct(), treatments.Distinct()))
            .Distinct().ToList();
        return (MedicalTextCheck.Refusal(found), words);
    }
}
