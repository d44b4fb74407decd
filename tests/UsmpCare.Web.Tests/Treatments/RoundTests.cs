using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using UglyToad.PdfPig;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Domain.Treatments;
using UsmpCare.Web.Data;
using UsmpCare.Web.Infrastructure;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Treatments;

/// <summary>
/// Issue #20 points 6 and 7: the nurses' distribution round from signed prescriptions, its refusals (another unit's
/// wing or patient, a line not due, an unconfirmed TSO), the pill-box's second check, the missed-dose alert and the
/// TSO relay in the release pack.
/// </summary>
public sealed class RoundTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    private const string Doliprane = "99000002";
    private const string Tercian = "99000024";
    private const string Methadone = "99000012";

    private DateOnly Today => Fr.Today(app.Services.GetRequiredService<TimeProvider>());

    [Fact]
    public async Task A_nurse_records_given_refused_and_absent_on_the_morning_round_of_a_wing()
    {
        var wing = "Bâtiment " + Unique.Ecrou('W');
        var first = await PatientInAsync(wing, "Tournant");
        var second = await PatientInAsync(wing, "Parloir");
        var daily = await SignAsync(first, Line(Doliprane, DoseTimes.Morning | DoseTimes.Evening), Line(Tercian, DoseTimes.Morning, DistributionMode.Supervised));
        var other = await SignAsync(second, Line(Doliprane, DoseTimes.Morning));
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        var url = RoundUrl(wing);

        var page = await nurse.GetDocumentAsync(url);
        var rows = page.QuerySelectorAll("#round-doses tbody tr").Select(r => r.TextContent).ToList();
        rows.Should().HaveCount(3);
        rows.Should().Contain(r => r.Contains("TOURNANT Paul") && r.Contains("DOLIPRANE 1000 mg") && r.Contains("1 comprimé(s)")
            && r.Contains("distribution quotidienne"));
        rows.Should().Contain(r => r.Contains("TERCIAN") && r.Contains("prise devant l'infirmier"));
        page.QuerySelectorAll("select[name=Outcome][autofocus]").Should().ContainSingle("the first dose to record has the focus");

        (await RecordAsync(nurse, wing, first, daily, 0, "Given")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await RecordAsync(nurse, wing, first, daily, 1, "Refused")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await RecordAsync(nurse, wing, second, other, 0, "AbsentVisit")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var done = await nurse.GetDocumentAsync(url);
        done.QuerySelector("#dose-count")!.TextContent.Should().Contain("3 / 3");
        done.QuerySelector("#round-doses")!.TextContent.Should().Contain("Donné").And.Contain("Refusé").And.Contain("Parloir (absent)")
            .And.Contain("Julie Lefèvre");
        var stored = await app.WithDbAsync(db => db.Administrations.AsNoTracking()
            .Where(a => a.PatientId == first.Id || a.PatientId == second.Id).ToListAsync());
        stored.Select(a => (a.DrugName, a.Outcome, a.Day, a.Slot)).Should().BeEquivalentTo(new[]
        {
            ("DOLIPRANE 1000 mg, comprimé", AdministrationOutcome.Given, Today, RoundSlot.Morning),
            ("TERCIAN 25 mg, comprimé pelliculé sécable", AdministrationOutcome.Refused, Today, RoundSlot.Morning),
            ("DOLIPRANE 1000 mg, comprimé", AdministrationOutcome.AbsentVisit, Today, RoundSlot.Morning),
        });
        var twice = await (await RecordAsync(nurse, wing, first, daily, 0, "Given")).TextAsync();
        twice.Should().Contain("déjà enregistrée");

        // Append-only for every role, the owner included: a dose recorded is never rewritten nor deleted.
        var rewrite = () => OwnerExecuteAsync($"UPDATE treatments.administrations SET outcome = 'Given' WHERE patient_id = '{second.Id}'");
        var delete = () => OwnerExecuteAsync($"DELETE FROM treatments.administrations WHERE patient_id = '{second.Id}'");
        (await rewrite.Should().ThrowAsync<PostgresException>()).Which.MessageText.Should().Contain("append-only");
        await delete.Should().ThrowAsync<PostgresException>();
    }

    private async Task OwnerExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Another_units_wing_or_patient_and_a_line_not_due_that_day_are_refused_in_french_and_nothing_is_stored()
    {
        var wing = "Bâtiment " + Unique.Ecrou('W');
        var farWing = "Bâtiment " + Unique.Ecrou('F');
        var here = await PatientInAsync(wing, "Ici");
        var far = await PatientInAsync(farWing, "Ailleurs", DemoData.UnitB);
        var farPrescription = await SignAsync(far, Line(Doliprane, DoseTimes.Morning));
        var tomorrow = await SignAsync(here, Line(Doliprane, DoseTimes.Morning) with { Start = Today.AddDays(1) });
        var evening = await SignAsync(here, Line(Doliprane, DoseTimes.Evening));
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));

        var otherWing = await nurse.GetDocumentAsync(RoundUrl(farWing));
        otherWing.Body!.TextContent.Should().Contain($"« {farWing} » n'est pas un bâtiment de l'unité");
        otherWing.QuerySelector("#round-doses").Should().BeNull();
        (await (await RecordAsync(nurse, farWing, far, farPrescription, 0, "Given")).TextAsync())
            .Should().Contain("n'est pas un bâtiment de l'unité");
        (await (await RecordAsync(nurse, wing, far, farPrescription, 0, "Given")).TextAsync())
            .Should().Contain("Ce patient n'est pas présent dans l'unité de cette tournée");
        (await (await RecordAsync(nurse, wing, here, tomorrow, 0, "Given")).TextAsync())
            .Should().Contain("Ce traitement n'est pas à distribuer le");
        (await (await RecordAsync(nurse, wing, here, evening, 0, "Given")).TextAsync())
            .Should().Contain("Ce traitement n'est pas à distribuer le");

        (await app.WithDbAsync(db => db.Administrations.CountAsync(a => a.PatientId == here.Id || a.PatientId == far.Id)))
            .Should().Be(0);
    }

    [Fact]
    public async Task A_tso_dose_is_not_given_before_it_is_confirmed_with_the_outside_prescriber()
    {
        var wing = "Bâtiment " + Unique.Ecrou('W');
        var patient = await PatientInAsync(wing, "Substitué");
        var tso = await SignAsync(patient, Line(Methadone, DoseTimes.Morning, DistributionMode.Supervised, unit: "gélule(s)"));
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        var tsoUrl = $"/Treatments/Tso/{patient.Id}";

        (await nurse.GetDocumentAsync(tsoUrl)).QuerySelector("#tso-unconfirmed").Should().NotBeNull();
        (await (await RecordAsync(nurse, wing, patient, tso, 0, "Given")).TextAsync())
            .Should().Contain("la dose doit d'abord être confirmée auprès du prescripteur extérieur ou du CSAPA");
        (await app.WithDbAsync(db => db.Administrations.CountAsync(a => a.PatientId == patient.Id))).Should().Be(0);

        var nameless = await nurse.PostFormAsync(tsoUrl + "?handler=Confirm", new Dictionary<string, string>
        {
            ["Start"] = "Continuation", ["ConfirmedWith"] = "", ["ConfirmedAt"] = TestClock.Form(TimeSpan.FromHours(-1)),
        }, tsoUrl);
        (await nameless.TextAsync()).Should().Contain("Indiquez avec qui la dose a été confirmée");
        (await nurse.PostFormAsync(tsoUrl + "?handler=Confirm", new Dictionary<string, string>
        {
            ["Start"] = "Continuation", ["ConfirmedWith"] = "CSAPA Horizon, Dr Léger", ["ConfirmedAt"] = TestClock.Form(TimeSpan.FromHours(-1)),
        }, tsoUrl)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await RecordAsync(nurse, wing, patient, tso, 0, "Given")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var doses = await nurse.GetDocumentAsync(tsoUrl);
        doses.QuerySelector("#tso-confirmations")!.TextContent.Should().Contain("CSAPA Horizon, Dr Léger");
        doses.QuerySelector("#tso-doses")!.TextContent.Should().Contain("METHADONE AP-HP 40 mg").And.Contain("Donné");
    }

    [Fact]
    public async Task Three_supervised_doses_missed_in_a_row_alert_the_prescriber_on_his_dashboard()
    {
        var wing = "Bâtiment " + Unique.Ecrou('W');
        var patient = await PatientInAsync(wing, "Manquant");
        var prescription = await SignAsync(patient, Line(Tercian, DoseTimes.Morning, DistributionMode.Supervised));
        await app.WithDbAsync(async db =>
        {
            var nurse = await db.Users.SingleAsync(u => u.Email == DemoData.Nurse(Team.Somatic).Email);
            foreach (var (daysAgo, outcome) in new[] { (3, AdministrationOutcome.Given), (2, AdministrationOutcome.Refused), (1, AdministrationOutcome.AbsentCourt) })
            {
                var day = Today.AddDays(-daysAgo);
                db.Administrations.Add(Administration.Record(patient, patient.UnitId, DistributionRound.Due([prescription], day, RoundSlot.Morning),
                    prescription.Id, 0, day, RoundSlot.Morning, outcome, false, null, nurse.Id, nurse.DisplayName, DateTimeOffset.UtcNow.AddDays(-daysAgo)));
            }
            return await db.SaveChangesAsync();
        });
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        (await physician.GetDocumentAsync("/Dashboard")).Body!.TextContent.Should().NotContain("MANQUANT Paul", "two misses in a row are below the threshold");

        var nurseClient = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        (await RecordAsync(nurseClient, wing, patient, prescription, 0, "Refused")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var alert = (await physician.GetDocumentAsync("/Dashboard")).QuerySelector("#missed-doses");
        alert.Should().NotBeNull();
        alert!.TextContent.Should().Contain("MANQUANT Paul").And.Contain("TERCIAN").And.Contain("3 prises manquées d'affilée");
    }

    [Fact]
    public async Task A_pill_box_is_checked_by_another_nurse_than_the_one_who_prepared_it()
    {
        var patient = await PatientInAsync("Bâtiment " + Unique.Ecrou('W'), "Pilulier");
        await SignAsync(patient, Line("99000046", DoseTimes.Morning, DistributionMode.WeeklyPillBox, unit: "gélule(s)"));
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        const string url = "/Treatments/PillBoxes";

        (await nurse.PostFormAsync($"{url}?handler=Prepare&patientId={patient.Id}", new Dictionary<string, string>(), url))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var box = await app.WithDbAsync(db => db.PillBoxes.AsNoTracking().SingleAsync(b => b.PatientId == patient.Id));
        box.Contents.Should().Contain("AMLODIPINE DEMO 5 mg");

        var self = await nurse.PostFormAsync($"{url}?handler=Check&pillBoxId={box.Id}", new Dictionary<string, string>(), url);
        (await self.TextAsync()).Should().Contain("Le double contrôle est fait par un autre infirmier que celui qui a préparé le pilulier");
        (await app.WithDbAsync(db => db.PillBoxes.AsNoTracking().SingleAsync(b => b.Id == box.Id))).CheckedAt.Should().BeNull();

        var colleague = await app.LoginAsAsync(DemoData.Nurse(Team.Psychiatric));
        (await colleague.PostFormAsync($"{url}?handler=Check&pillBoxId={box.Id}", new Dictionary<string, string>(), url))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await colleague.GetDocumentAsync(url)).QuerySelector("#pill-boxes")!.TextContent.Should().Contain("par Thomas Roux");
    }

    [Fact]
    public async Task The_release_pack_carries_the_tso_relay_and_the_last_dose()
    {
        var wing = "Bâtiment " + Unique.Ecrou('W');
        var patient = await PatientInAsync(wing, "Libérable");
        var tso = await SignAsync(patient, Line(Methadone, DoseTimes.Morning, DistributionMode.Supervised, unit: "gélule(s)"));
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        var tsoUrl = $"/Treatments/Tso/{patient.Id}";
        await nurse.PostFormAsync(tsoUrl + "?handler=Confirm", new Dictionary<string, string>
        {
            ["Start"] = "Continuation", ["ConfirmedWith"] = "Dr Vidal, médecin traitant", ["ConfirmedAt"] = TestClock.Form(TimeSpan.FromHours(-2)),
        }, tsoUrl);
        (await RecordAsync(nurse, wing, patient, tso, 0, "Given")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var nameless = await nurse.PostFormAsync(tsoUrl + "?handler=Relay", new Dictionary<string, string>
        {
            ["RelayKind"] = "Csapa", ["RelayName"] = " ", ["Naloxone"] = "Given",
        }, tsoUrl);
        (await nameless.TextAsync()).Should().Contain("Nommez le relais extérieur");
        (await nurse.PostFormAsync(tsoUrl + "?handler=Relay", new Dictionary<string, string>
        {
            ["RelayKind"] = "Csapa", ["RelayName"] = "CSAPA Le Relais de Melun", ["RelayContact"] = "01 60 00 00 00",
            ["RelayAppointment"] = Today.AddDays(2).ToString("yyyy-MM-dd"), ["Naloxone"] = "Given",
        }, tsoUrl)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var given = await app.WithDbAsync(db => db.Administrations.AsNoTracking().SingleAsync(a => a.PatientId == patient.Id));

        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var url = $"/Continuity/Release/{patient.Id}";
        (await coordinator.PostFormAsync(url + "?handler=Pack", new Dictionary<string, string>(), url)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var pack = await app.WithDbAsync(db => db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.PatientId == patient.Id));
        using var pdf = PdfDocument.Open(pack.Pdf);
        var words = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        words.Should().Contain("CSAPA Le Relais de Melun").And.Contain("dernière prise")
            .And.Contain(Fr.DateTime(given.RecordedAt)).And.Contain("METHADONE AP-HP 40 mg").And.Contain("proposée et remise");
    }

    private static string RoundUrl(string wing) => $"/Treatments/Round?wing={Uri.EscapeDataString(wing)}&slot=Morning";

    private static Task<HttpResponseMessage> RecordAsync(HttpClient nurse, string wing, Patient patient, Prescription prescription,
        int line, string outcome) =>
        nurse.PostFormAsync("/Treatments/Round?handler=Record", new Dictionary<string, string>
        {
            ["Wing"] = wing, ["Slot"] = "Morning", ["PatientId"] = patient.Id.ToString(),
            ["PrescriptionId"] = prescription.Id.ToString(), ["Line"] = line.ToString(), ["Outcome"] = outcome,
        }, RoundUrl(wing));

    private async Task<Patient> PatientInAsync(string wing, string lastName, string unit = DemoData.UnitA)
    {
        var patient = await app.NewPatientAsync(lastName, unit);
        return await app.WithDbAsync(async db =>
        {
            var stored = await db.Patients.SingleAsync(p => p.Id == patient.Id);
            stored.PlaceIn("R-101", wing);
            await db.SaveChangesAsync();
            return stored;
        });
    }

    private LineRequest Line(string cis, DoseTimes times, DistributionMode? mode = null, string unit = "comprimé(s)") =>
        new(cis, null, 1, unit, times, null, false, null, Today.AddDays(-5), 14, null, mode, null);

    /// <summary>A prescription signed by the demo physician, who is alerted of its missed supervised doses.</summary>
    private Task<Prescription> SignAsync(Patient patient, params LineRequest[] lines) => app.WithDbAsync(async db =>
    {
        var physician = await db.Users.SingleAsync(u => u.Email == DemoData.Account(Role.Physician).Email);
        var prescription = Prescription.Draft(patient.Id, patient.UnitId, Team.Somatic,
            new Prescriber(physician.Id, "Dr " + physician.DisplayName, physician.Rpps), DateTimeOffset.UtcNow);
        foreach (var line in lines)
        {
            var drug = await db.Drugs.SingleAsync(d => d.Cis == line.Cis);
            prescription.AddLine(PrescriptionLine.Create(line, drug, DistributionMode.Daily), [], new AllergyRecord());
        }
        prescription.Sign(DateTimeOffset.UtcNow, false);
        db.Prescriptions.Add(prescription);
        await db.SaveChangesAsync();
        return prescription;
    });
}
