using System.Net;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Patients;

public sealed class PatientTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Theory]
    [InlineData("lefevre")]
    [InlineData("LEFÈVRE")]
    [InlineData("Lefévre Jérémie")]
    [InlineData("lefevbre")]
    [InlineData("9912")]
    public async Task Search_finds_a_patient_by_ecrou_or_name_whatever_the_accents_case_or_a_typo(string term)
    {
        await EnsurePatientAsync("99123", "Lefèvre", "Jérémie");
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));

        var page = await nurse.GetDocumentAsync("/Patients?q=" + Uri.EscapeDataString(term));

        page.QuerySelectorAll("table.data tbody tr").Select(r => r.TextContent).Should().Contain(r => r.Contains("99123"));
    }

    [Fact]
    public async Task Digits_search_the_start_of_the_ecrou_in_order_not_its_middle()
    {
        await EnsurePatientAsync("88702", "Prefixe", "Second");
        await EnsurePatientAsync("88701", "Prefixe", "Premier");
        await EnsurePatientAsync("18870", "Milieu", "Ecrou");
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));

        var page = await nurse.GetDocumentAsync("/Patients?q=887");

        var rows = page.QuerySelectorAll("table.data tbody tr").Select(r => r.TextContent).ToList();
        rows.Should().HaveCount(2);
        rows[0].Should().Contain("88701");
        rows[1].Should().Contain("88702");
    }

    [Fact]
    public async Task The_secretariat_creates_a_patient_and_gets_french_messages_for_bad_input()
    {
        var secretary = await app.LoginAsAsync(DemoData.Account(Role.Secretary));
        var form = new Dictionary<string, string>
        {
            ["Input.Ecrou"] = "55501",
            ["Input.LastName"] = "Nouvel",
            ["Input.FirstName"] = "Arrivant",
            ["Input.Sex"] = "Male",
            ["Input.ArrivalDate"] = TestClock.Today.ToString("yyyy-MM-dd"),
            ["Input.Status"] = "Present",
            ["Input.InsStatus"] = "None",
            ["Input.SpokenLanguage"] = "roumain",
            ["Input.Alerts"] = "Diabète",
        };

        var refused = await (await secretary.PostFormAsync("/Patients/Edit", form)).TextAsync();
        refused.Should().Contain("La date de naissance est obligatoire");
        refused.Should().Contain("value=\"Nouvel\"", "what was typed is kept");
        refused.Should().NotContain("Alertes (une par ligne)", "clinical fields are not the secretariat's");

        form["Input.BirthDate"] = "1990-04-02";
        (await secretary.PostFormAsync("/Patients/Edit", form)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var created = await app.WithDbAsync(db => db.Patients.SingleAsync(p => p.Ecrou == "55501"));
        created.SpokenLanguage.Should().Be("roumain");
        created.Alerts.Should().BeEmpty("a posted clinical field from the secretariat is ignored");

        var duplicate = await (await secretary.PostFormAsync("/Patients/Edit", form)).TextAsync();
        duplicate.Should().Contain("Le numéro d'écrou 55501 est déjà attribué");
    }

    [Fact]
    public async Task A_physician_records_vulnerability_with_its_reason_alerts_and_court_ordered_care()
    {
        var patient = await app.NewPatientAsync("Vulnérable");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var url = $"/Patients/Edit/{patient.Id}";
        var form = new Dictionary<string, string>
        {
            ["Input.Version"] = patient.Version.ToString(),
            ["Input.Ecrou"] = patient.Ecrou,
            ["Input.LastName"] = "Vulnérable",
            ["Input.FirstName"] = "Paul",
            ["Input.BirthDate"] = patient.BirthDate.ToString("yyyy-MM-dd"),
            ["Input.Sex"] = "Male",
            ["Input.ArrivalDate"] = patient.ArrivalDate.ToString("yyyy-MM-dd"),
            ["Input.Status"] = "Present",
            ["Input.CourtOrderedCare"] = "InjonctionDeSoins",
            ["Input.IsVulnerable"] = "true",
            ["Input.Alerts"] = "Diabète\nÉpilepsie",
        };

        var refused = await (await physician.PostFormAsync(url, form)).TextAsync();
        refused.Should().Contain("Indiquez pourquoi la personne est hors d'état de se protéger");

        form["Input.VulnerabilityReason"] = "Déficience intellectuelle";
        (await physician.PostFormAsync(url, form)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var saved = await app.WithDbAsync(db => db.Patients.SingleAsync(p => p.Id == patient.Id));
        saved.Alerts.Should().Equal("Diabète", "Épilepsie");
        saved.CourtOrderedCare.Should().Be(CourtOrderedCare.InjonctionDeSoins);
        saved.VulnerabilityReason.Should().Be("Déficience intellectuelle");
    }

    [Fact]
    public async Task The_banner_shows_age_minor_allergies_court_ordered_care_and_records()
    {
        var patient = await app.NewPatientAsync("Jeune", ageYears: 16);
        await app.WithDbAsync(async db =>
        {
            var p = await db.Patients.SingleAsync(x => x.Id == patient.Id);
            p.Allergies.Record(AllergenKind.Latex, "Latex", null, "eczéma", AllergySeverity.Severe, "Dr Test", new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
            p.SetCourtOrderedCare(CourtOrderedCare.ObligationDeSoins, new DateOnly(2026, 1, 5));
            // P36: a minor's consultation is signed once a holder of parental authority agreed.
            db.ConsentEntries.Add(new ConsentEntry(patient.Id, ConsentTopic.ParentalAuthority, ConsentDecision.Agreed, null, null,
                "Par téléphone", Guid.NewGuid(), "Dr Test", TimeProvider.System.GetUtcNow(), new ParentalHolder("Mme Jeune", HolderQuality.Mother, TestClock.Today)));
            return await db.SaveChangesAsync();
        });
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        await physician.PostConsultationAsync("Sign", Clinic.ConsultationForm(patient.Id));

        var banner = (await physician.GetDocumentAsync($"/Patients/Chart/{patient.Id}")).QuerySelector(".banner")!.TextContent;

        banner.Should().Contain("16 ans").And.Contain("Mineur").And.Contain("Allergie : Latex (sévère)")
            .And.Contain("Obligation de soins depuis le 05/01/2026").And.Contain("Dossiers : Somatique");
    }

    [Fact]
    public async Task Two_people_editing_one_identity_get_a_conflict()
    {
        var patient = await app.NewPatientAsync("Concurrence");
        var secretary = await app.LoginAsAsync(DemoData.Account(Role.Secretary));
        var stale = patient.Version;
        await app.WithDbAsync(async db =>
        {
            var p = await db.Patients.SingleAsync(x => x.Id == patient.Id);
            p.PlaceIn("B-201", p.Wing);
            return await db.SaveChangesAsync();
        });

        var response = await secretary.PostFormAsync($"/Patients/Edit/{patient.Id}", new Dictionary<string, string>
        {
            ["Input.Version"] = stale.ToString(),
            ["Input.Ecrou"] = patient.Ecrou,
            ["Input.LastName"] = "Concurrence",
            ["Input.FirstName"] = "Paul",
            ["Input.BirthDate"] = patient.BirthDate.ToString("yyyy-MM-dd"),
            ["Input.Sex"] = "Male",
            ["Input.ArrivalDate"] = patient.ArrivalDate.ToString("yyyy-MM-dd"),
            ["Input.Cell"] = "C-999",
        });

        (await response.TextAsync()).Should().Contain("modifiée par quelqu'un d'autre");
        (await app.WithDbAsync(db => db.Patients.SingleAsync(p => p.Id == patient.Id))).Cell.Should().Be("B-201");
    }

    private Task EnsurePatientAsync(string ecrou, string lastName, string firstName) => app.WithDbAsync(async db =>
    {
        if (!await db.Patients.AnyAsync(p => p.Ecrou == ecrou))
        {
            var unitId = await db.Units.Where(u => u.Code == DemoData.UnitA).Select(u => u.Id).SingleAsync();
            db.Patients.Add(new Patient(unitId, ecrou, lastName, firstName, new DateOnly(1985, 3, 1), Sex.Male, new DateOnly(2026, 1, 1)));
            await db.SaveChangesAsync();
        }
        return true;
    });
}
