using UsmpCare.Domain;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Followup;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Treatments;
using UsmpCare.Web.Records;

namespace UsmpCare.Web.Interop;

/// <summary>Where a FHIR summary goes.</summary>
public enum FhirPurpose
{
    /// <summary>P20: uploaded to the patient's « Mon espace santé », only with his recorded agreement.</summary>
    MonEspaceSante,
    /// <summary>P12, P14: handed to the patient at release, « pour votre prochain médecin ».</summary>
    NextPhysician,
}

public sealed record FhirExportResult(string Json, string FileName, Disclosure Disclosure, bool PsychiatricIncluded);

/// <summary>
/// The one gate every FHIR summary passes, from a page or from the command line: the consent rule of its purpose, the
/// team rule for the psychiatric part, and the disclosure ledger entry (P02) added to the context — the caller saves
/// it with whatever else it writes, so no summary leaves unrecorded.
/// </summary>
public static class FhirExport
{
    public static string? WhyRefused(FhirPurpose purpose, ConsentState consents) =>
        purpose == FhirPurpose.MonEspaceSante && consents.MonEspaceSanteAgreement is null
            ? "Le patient n'a pas donné son accord à l'alimentation de « Mon espace santé » : enregistrez d'abord son accord dans ses consentements (P20). Rien n'a été transmis."
            : null;

    /// <param name="readableTeams">The records the author may read (P30); the command line, with no user, passes both.</param>
    public static async Task<FhirExportResult> ExportAsync(AppDbContext db, Patient patient, FhirPurpose purpose,
        IReadOnlyCollection<Team> readableTeams, Guid authorId, string authorName, DateTimeOffset now)
    {
        var consents = await RecordScopes.ConsentsAsync(db, patient.Id);
        if (WhyRefused(purpose, consents) is { } refusal)
        {
            throw new DomainException(refusal);
        }
        // P30: the psychiatric part leaves the psychiatric team only while the patient agrees to sharing between the
        // teams — whoever exports, psychiatrists included, and whatever the purpose.
        var teams = readableTeams.Where(t => t == Team.Somatic || consents.TeamsShare).ToList();
        var psychiatricWithheld = !teams.Contains(Team.Psychiatric)
            && await db.MedicalRecords.AnyAsync(r => r.PatientId == patient.Id && r.Team == Team.Psychiatric);
        var entries = new List<ClinicalEntry>();
        foreach (var team in teams)
        {
            entries.AddRange(await db.Entries(team).AsNoTracking()
                .Where(ClinicalEntry.Signed).Where(e => e.PatientId == patient.Id && e.Kind == EntryKind.Consultation)
                .ToListAsync());
        }
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == patient.UnitId);
        // Only the documents given to the patient or to his physician, written by a team whose record may leave.
        var documents = await db.IssuedDocuments.AsNoTracking()
            .Where(d => d.PatientId == patient.Id
                        && (d.Recipient == RecipientCategory.Patient || d.Recipient == RecipientCategory.DesignatedPhysician))
            .OrderBy(d => d.IssuedAt).ToListAsync();
        var authorIds = documents.Select(d => d.AuthorId).Distinct().ToList();
        var authorTeams = await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Team);
        documents = [.. documents.Where(d => authorTeams.GetValueOrDefault(d.AuthorId) is not { } team || teams.Contains(team))];
        // Only the answers this export relies on: the rest of the consent history (a signalement, SPIP) stays here.
        var relied = new[] { consents.MonEspaceSanteAgreement, consents.TeamSharingAgreement }.OfType<ConsentEntry>().ToList();

        // P30: the prescriptions, problems, vaccinations and results of a team leave under the same rule as its entries.
        var prescriptions = await db.Prescriptions.AsNoTracking()
            .Where(p => p.PatientId == patient.Id && p.Status == PrescriptionStatus.Signed && teams.Contains(p.Team)).ToListAsync();
        var problems = await db.Problems.AsNoTracking().Where(Problem.Listed)
            .Where(p => p.PatientId == patient.Id && teams.Contains(p.Team)).ToListAsync();
        var vaccinations = await db.Vaccinations.AsNoTracking()
            .Where(v => v.PatientId == patient.Id && teams.Contains(v.Team)).ToListAsync();
        var results = await db.TestOrders.AsNoTracking().Include(o => o.Result)
            .Where(o => o.PatientId == patient.Id && o.Result != null && teams.Contains(o.Team)).ToListAsync();

        var bundle = FhirSummary.Build(new FhirSummaryInput(patient, unit, entries, psychiatricWithheld, relied, documents, now)
        {
            Prescriptions = prescriptions, Problems = problems, Vaccinations = vaccinations, Results = results,
        });
        if (FhirIps.Violations(bundle) is [_, ..] violations)
        {
            // A programming error, not the user's: a summary that breaks the IPS never leaves.
            throw new InvalidOperationException("Résumé FHIR non conforme à l'IPS : " + string.Join(" ; ", violations));
        }
        var json = FhirSummary.Serialize(bundle);
        var what = $"Résumé de soins FHIR R4 (Bundle document, {bundle.Entry.Count} ressources" +
                   (teams.Contains(Team.Psychiatric) ? ", suivi psychiatrique inclus)" : ", sans le suivi psychiatrique)");
        var disclosure = purpose == FhirPurpose.MonEspaceSante
            ? new Disclosure(patient.Id, patient.UnitId, RecipientCategory.MonEspaceSante,
                $"Mon espace santé de {patient.FullName}", what,
                "P20 : alimentation de « Mon espace santé » avec l'accord du patient",
                consents.MonEspaceSanteAgreement!.Id, null, authorId, authorName, now)
            : new Disclosure(patient.Id, patient.UnitId, RecipientCategory.Patient, patient.FullName, what,
                "Continuité des soins : résumé remis au patient pour son prochain médecin (P12, P14)", null,
                LegalException.PatientHimself, authorId, authorName, now);
        db.Disclosures.Add(disclosure);
        var fileName = $"resume-fhir-{Infrastructure.Fr.Local(now):yyyyMMdd-HHmm}-{patient.Id.ToString("N")[..8]}.json";
        return new FhirExportResult(json, fileName, disclosure, teams.Contains(Team.Psychiatric));
    }
}
