using System.Net;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Consents;

public sealed class SharingAndSignalementTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task The_teams_read_each_others_record_only_while_the_patient_agrees()
    {
        var patient = await app.NewPatientAsync("Partage");
        var psychiatrist = await app.LoginAsAsync(DemoData.Account(Role.Psychiatrist));
        await psychiatrist.PostConsultationAsync("Sign", Clinic.ConsultationForm(patient.Id, "Note psychiatrique partagée"));
        var entry = (await app.EntriesOfAsync(patient.Id, Team.Psychiatric)).Single();
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var entryUrl = $"/Records/Entry/Psychiatric/{entry.Id}";
        (await physician.GetAsync(entryUrl)).Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");

        await physician.RecordAsync(patient.Id, ConsentTopic.TeamSharing, ConsentDecision.Agreed);
        (await physician.GetDocumentAsync(entryUrl)).Body!.TextContent.Should().Contain("Note psychiatrique partagée");
        (await physician.GetDocumentAsync($"/Patients/Chart/{patient.Id}")).Body!.TextContent.Should().Contain("Note psychiatrique partagée");
        (await physician.GetDocumentAsync(entryUrl)).Body!.TextContent.Should().NotContain("Amender", "sharing reads, never writes");

        await physician.RecordAsync(patient.Id, ConsentTopic.TeamSharing, ConsentDecision.Refused);
        (await physician.GetAsync(entryUrl)).Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
    }

    [Fact]
    public async Task A_risk_signalement_reaches_the_prison_director_without_anything_medical()
    {
        var patient = await app.NewPatientAsync("Risque");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var url = $"/Signalements/Risk/{patient.Id}";

        var medical = await physician.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Measures"] = "Cellule individuelle", ["Facts"] = "Idées suicidaires exprimées",
        });
        (await medical.TextAsync()).Should().Contain("éléments médicaux").And.Contain("Idées suicidaires exprimées");
        var noMeasure = await physician.PostFormAsync(url, new Dictionary<string, string> { ["Facts"] = "Menaces envers un codétenu" });
        (await noMeasure.TextAsync()).Should().Contain("Choisissez au moins une mesure");

        (await physician.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Measures"] = "Cellule individuelle", ["Facts"] = "Menaces répétées envers son codétenu depuis deux jours",
        })).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var ap = await app.LoginAsAsync(DemoData.Account(Role.PrisonAdministration));
        var home = (await ap.GetDocumentAsync("/Ap")).Body!.TextContent;
        home.Should().Contain("Cellule individuelle").And.Contain("Menaces répétées envers son codétenu").And.Contain(patient.Ecrou);
        var disclosure = await app.WithDbAsync(db => db.Disclosures.SingleAsync(d => d.PatientId == patient.Id));
        disclosure.Recipient.Should().Be(RecipientCategory.PrisonAdministration);
        disclosure.Exception.Should().Be(LegalException.SeriousRiskToPersons);
    }

    [Fact]
    public async Task An_abuse_report_needs_the_adults_agreement_and_produces_the_letter_for_the_procureur()
    {
        var adult = await app.NewPatientAsync("Sévices");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var url = $"/Signalements/Abuse/{adult.Id}";
        var fields = new Dictionary<string, string>
        {
            ["Findings"] = "Hématomes multiples du dos, d'âges différents.",
            ["PatientInformed"] = "true",
            ["CopyGiven"] = "true",
        };

        (await (await physician.PostFormAsync(url, fields)).TextAsync()).Should().Contain("n'a pas donné son accord au signalement");
        await physician.RecordAsync(adult.Id, ConsentTopic.AbuseReport, ConsentDecision.Agreed);
        var director = new Dictionary<string, string>(fields) { ["InformDirector"] = "true" };
        (await (await physician.PostFormAsync(url, director)).TextAsync()).Should().Contain("ne peut être informé qu'avec l'accord du patient");
        var notInformed = new Dictionary<string, string>(fields) { ["PatientInformed"] = "false" };
        (await (await physician.PostFormAsync(url, notInformed)).TextAsync()).Should().Contain("Le patient doit être informé");

        (await physician.PostFormAsync(url, fields)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var signalement = await app.WithDbAsync(db => db.AbuseSignalements.SingleAsync(s => s.PatientId == adult.Id));
        signalement.Ground.Should().Be(AbuseReportGround.PatientAgreement);
        var pdf = await physician.GetAsync($"{url}?handler=Pdf&id={signalement.Id}");
        pdf.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        bytes.Should().Equal(signalement.Pdf, "the letter downloaded is the one stored");
        using (var document = PdfDocument.Open(bytes))
        {
            var words = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            words.Should().Contain("procureur").And.Contain("Hématomes").And.Contain("RPPS 10003456789")
                .And.Contain(adult.Ecrou).And.Contain("01 23 45 67 89");
        }
        var recipients = await app.WithDbAsync(db => db.Disclosures.Where(d => d.PatientId == adult.Id).Select(d => d.Recipient).ToListAsync());
        recipients.Should().BeEquivalentTo([RecipientCategory.Procureur, RecipientCategory.Patient]);
        var psychiatrist = await app.LoginAsAsync(DemoData.Account(Role.Psychiatrist));
        (await psychiatrist.GetAsync($"{url}?handler=Pdf&id={signalement.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound,
            "the somatic team's report is not the psychiatric team's to read (P30)");
    }

    [Fact]
    public async Task A_minor_or_a_vulnerable_person_is_reported_without_agreement_and_the_exception_is_recorded()
    {
        var minor = await app.NewPatientAsync("Mineur", ageYears: 16);
        var vulnerable = await app.NewPatientAsync("Vulnerable");
        await app.WithDbAsync(async db =>
        {
            (await db.Patients.SingleAsync(p => p.Id == vulnerable.Id)).SetVulnerability(true, "Grand âge, troubles cognitifs");
            return await db.SaveChangesAsync();
        });
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        foreach (var patient in new[] { minor, vulnerable })
        {
            (await physician.PostFormAsync($"/Signalements/Abuse/{patient.Id}", new Dictionary<string, string>
            {
                ["Findings"] = "Ecchymoses des avant-bras.",
                ["PatientInformed"] = "true",
            })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var grounds = await app.WithDbAsync(db => db.AbuseSignalements.Where(s => s.PatientId == minor.Id || s.PatientId == vulnerable.Id)
            .Select(s => s.Ground).ToListAsync());
        grounds.Should().BeEquivalentTo([AbuseReportGround.Minor, AbuseReportGround.Vulnerable]);
        var exceptions = await app.WithDbAsync(db => db.Disclosures.Where(d => d.PatientId == minor.Id || d.PatientId == vulnerable.Id)
            .Select(d => d.Exception).ToListAsync());
        exceptions.Should().AllBeEquivalentTo(LegalException.AbuseSignalement).And.HaveCount(2);
    }

    [Fact]
    public async Task Court_ordered_care_shows_a_reminder_until_the_information_is_recorded()
    {
        var patient = await app.NewPatientAsync("Injonction");
        await app.WithDbAsync(async db =>
        {
            (await db.Patients.SingleAsync(p => p.Id == patient.Id)).SetCourtOrderedCare(CourtOrderedCare.InjonctionDeSoins, new DateOnly(2026, 6, 1));
            return await db.SaveChangesAsync();
        });
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        (await nurse.GetDocumentAsync($"/Patients/Chart/{patient.Id}")).QuerySelector(".banner")!.TextContent.Should().Contain("(P11)");

        await nurse.RecordAsync(patient.Id, ConsentTopic.CourtOrderedCareInformation, ConsentDecision.Informed);

        (await nurse.GetDocumentAsync($"/Patients/Chart/{patient.Id}")).QuerySelector(".banner")!.TextContent.Should().NotContain("(P11)");
    }
}
