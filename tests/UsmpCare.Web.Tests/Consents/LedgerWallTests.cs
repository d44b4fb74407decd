using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Consents;

/// <summary>P30, P02: a line of the disclosure ledger is read by those who may read the record it came from.</summary>
public sealed class LedgerWallTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    private const string SomaticTitle = "Certificat de constatation de lésions du poignet droit";
    private const string PsychiatricTitle = "Courrier de liaison au centre médico-psychologique";

    [Fact]
    public async Task The_other_team_reads_a_ledger_line_only_once_the_patient_agreed_to_sharing()
    {
        var patient = await app.NewPatientAsync("Cloisonné");
        await app.WithDbAsync(async db =>
        {
            Guid Author(string email) => db.Users.Single(u => u.Email == email).Id;
            db.Disclosures.AddRange(
                new Disclosure(patient.Id, patient.UnitId, RecipientCategory.Patient, "Le patient", SomaticTitle, "Remis en main propre",
                    null, LegalException.PatientHimself, Author(DemoData.Account(Role.Physician).Email), "Dr Claire Martin", DateTimeOffset.UtcNow),
                new Disclosure(patient.Id, patient.UnitId, RecipientCategory.OutsideProfessional, "CMP de Villeneuve", PsychiatricTitle,
                    "Continuité des soins", null, LegalException.CareTeamSharing, Author(DemoData.Account(Role.Psychiatrist).Email), "Dr Karim Benali",
                    DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        var psychiatrist = await app.LoginAsAsync(DemoData.Account(Role.Psychiatrist));
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        async Task<string> LedgerAsync(HttpClient client) =>
            (await client.GetDocumentAsync($"/Patients/Chart/{patient.Id}")).QuerySelector("ul.disclosures")!.TextContent;
        async Task<string> UnitLedgerAsync() =>
            (await coordinator.GetDocumentAsync("/Disclosures")).QuerySelector("table.data")!.TextContent;

        (await LedgerAsync(psychiatrist)).Should().Contain(PsychiatricTitle).And.NotContain(SomaticTitle);
        (await LedgerAsync(physician)).Should().Contain(SomaticTitle).And.NotContain(PsychiatricTitle);
        (await UnitLedgerAsync()).Should().Contain(SomaticTitle).And.NotContain(PsychiatricTitle)
            .And.Contain("le patient n'a pas accepté le partage", "the coordinator still accounts for the line");

        await physician.RecordAsync(patient.Id, ConsentTopic.TeamSharing, ConsentDecision.Agreed);

        (await LedgerAsync(psychiatrist)).Should().Contain(PsychiatricTitle).And.Contain(SomaticTitle);
        (await LedgerAsync(physician)).Should().Contain(SomaticTitle).And.Contain(PsychiatricTitle);
        (await UnitLedgerAsync()).Should().Contain(SomaticTitle).And.Contain(PsychiatricTitle);
    }
}
