using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using UsmpCare.Domain.CareRequests;
using UsmpCare.Domain.Followup;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.EntryVisits;

/// <summary>Issue #21 (4): the entry visits due, the structured visit signed through its page and what it produces.</summary>
public sealed class EntryVisitTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    /// <summary>Every question answered: the chest X-ray accepted, the HIV test refused, the rest already known.</summary>
    private static Dictionary<string, string> Form() => new()
    {
        ["ConsentGiven"] = "true",
        ["Input.History"] = "Appendicectomie. Asthme depuis l'enfance.",
        ["ProblemCodes[0]"] = "J45.9",
        ["Input.Tobacco"] = "Current", ["Input.CigarettesPerDay"] = "15", ["Input.Alcohol"] = "None", ["Input.Opioids"] = "None",
        ["Input.Substitution"] = "None", ["Input.Cannabis"] = "Former",
        ["Input.SuicideRisk"] = "Low", ["Input.SuicideUrgency"] = "Low", ["Input.SuicideDangerousness"] = "Low",
        ["Input.Tuberculosis"] = "Accepted", ["Input.Hiv"] = "Refused", ["Input.HepatitisB"] = "AlreadyDone", ["Input.HepatitisC"] = "AlreadyDone",
        ["Input.DtpStatus"] = "UpToDate", ["Input.HepatitisBVaccineStatus"] = "UpToDate",
        ["Input.PsychiatricReferral"] = "NotOffered",
        ["Input.SheetNotHandedReason"] = "Remis ce soir par l'infirmière.",
    };

    private static Task<HttpResponseMessage> SignAsync(HttpClient client, Guid patientId, Dictionary<string, string> form) =>
        client.PostFormAsync($"/EntryVisits/Visit/{patientId}", form, "/EntryVisits/Index");

    /// <summary>What the patient has in his record and follow-up: to check that a refusal stored nothing.</summary>
    private Task<(int Entries, int Visits, int Orders, int Recalls, int Problems)> StoredAsync(Guid patientId) =>
        app.WithDbAsync(async db => (
            await db.SomaticEntries.CountAsync(e => e.PatientId == patientId),
            await db.EntryVisits.CountAsync(v => v.PatientId == patientId),
            await db.TestOrders.CountAsync(o => o.PatientId == patientId),
            await db.Recalls.CountAsync(r => r.PatientId == patientId),
            await db.Problems.CountAsync(p => p.PatientId == patientId)));

    private Task<Patient> ArrivalAsync(MovementKind kind, int daysAgo) =>
        app.WithDbAsync(async db =>
        {
            var unitId = await db.Units.Where(u => u.Code == DemoData.UnitA).Select(u => u.Id).SingleAsync();
            var arrived = TestClock.Today.AddDays(-daysAgo);
            var patient = new Patient(unitId, Unique.Ecrou('E'), "Arrivant", "Paul", TestClock.Today.AddYears(-30), Sex.Male, arrived);
            db.Patients.Add(patient);
            db.PrisonMovements.Add(new PrisonMovement(unitId, patient.Id, patient.Ecrou, kind, arrived, null, "test", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            return patient;
        });

    [Fact]
    public async Task A_refused_hiv_test_and_an_accepted_chest_xray_signed_through_the_page_give_one_pending_xray_and_a_recall()
    {
        var patient = await ArrivalAsync(MovementKind.Arrival, 1);
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));

        var response = await SignAsync(physician, patient.Id, Form());

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.TextAsync());
        var entry = (await app.EntriesOfAsync(patient.Id, Team.Somatic)).Should().ContainSingle().Subject;
        entry.Status.Should().Be(EntryStatus.Signed);
        entry.ConsultationType.Should().Be(ConsultationType.Arrival);
        entry.Note.Should().Contain("radiographie thoracique acceptée, VIH refusée");
        var orders = await app.WithDbAsync(db => db.TestOrders.Include(o => o.Result).Where(o => o.PatientId == patient.Id).ToListAsync());
        orders.Should().ContainSingle().Which.Should().Match<TestOrder>(o => o.Exam == Exam.ChestXray && o.Result == null);
        var recalls = await app.WithDbAsync(db => db.Recalls.Where(r => r.PatientId == patient.Id).ToListAsync());
        recalls.Should().ContainSingle().Which.Should().Match<Recall>(r =>
            r.Reason == RecallReason.Screening && r.Detail.Contains("VIH") && r.State == RecallState.Due);
        var problems = await app.WithDbAsync(db => db.Problems.Where(p => p.PatientId == patient.Id).Select(p => p.Code).ToListAsync());
        problems.Should().BeEquivalentTo(["J45.9", "Z72.0"]);
        var visit = await app.WithDbAsync(db => db.EntryVisits.SingleAsync(v => v.PatientId == patient.Id));
        visit.EntryId.Should().Be(entry.Id);
        visit.Answers.Hiv.Should().Be(ScreeningAnswer.Refused);

        var again = await SignAsync(physician, patient.Id, Form());
        (await again.TextAsync()).Should().Contain("La visite d'entrée de ce séjour a déjà été signée");
        (await StoredAsync(patient.Id)).Should().Be((1, 1, 1, 1, 2), "a second visit for the same stay stores nothing");
    }

    [Fact]
    public async Task An_accepted_psychiatric_referral_reaches_the_psychiatric_teams_queue_and_neither_the_somatic_team_the_answer_slips_nor_the_prison()
    {
        var patient = await ArrivalAsync(MovementKind.Arrival, 1);
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var form = Form();
        form["Input.SuicideRisk"] = "High";
        form["Input.PsychiatricReferral"] = "Accepted";
        var refused = new Dictionary<string, string>(form);
        refused.Remove("Input.Hiv");
        Task<int> Requests() => app.WithDbAsync(db => db.CareRequests.CountAsync(r => r.PatientId == patient.Id));

        (await SignAsync(physician, patient.Id, refused)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Requests()).Should().Be(0, "a refused visit sends nothing");
        var signed = await SignAsync(physician, patient.Id, form);

        signed.StatusCode.Should().Be(HttpStatusCode.Redirect, await signed.TextAsync());
        var referral = await app.WithDbAsync(db => db.CareRequests.SingleAsync(r => r.PatientId == patient.Id));
        referral.Should().Match<CareRequest>(r => r.Team == RequestTeam.Psychiatric && r.Status == CareRequestStatus.New
            && r.Urgency == Urgency.Urgent && r.RoundId == null && r.LoggedByName == "Dr Claire Martin");
        var queue = $"/CareRequests?Wing={Uri.EscapeDataString(EntryVisit.ReferralOrigin)}";
        var psychiatricQueue = (await (await app.LoginAsAsync(DemoData.Account(Role.Psychiatrist))).GetDocumentAsync(queue)).Body!.TextContent;
        psychiatricQueue.Should().Contain(patient.Ecrou).And.Contain("Orientation vers l'équipe de psychiatrie proposée à la visite d'entrée");
        var somaticNurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        (await somaticNurse.GetDocumentAsync(queue)).Body!.TextContent.Should().NotContain(patient.Ecrou, "P30: the somatic team does not read it");
        (await somaticNurse.GetDocumentAsync("/CareRequests/AnswerSlips")).Body!.TextContent.Should()
            .NotContain(patient.Ecrou, "the patient dropped no slip: no answer slip goes back to his cell");
        var prison = await app.LoginAsAsync(DemoData.Account(Role.PrisonAdministration));
        var roster = (await prison.GetDocumentAsync("/Ap/Index")).Body!.TextContent;
        roster.Should().Contain(patient.Ecrou);
        roster.Should().NotContainAny("psychiatr", "Orientation", "suicid");
    }

    [Fact]
    public async Task A_missing_risk_level_or_screening_answer_is_refused_in_french_and_nothing_is_stored()
    {
        var patient = await ArrivalAsync(MovementKind.Arrival, 1);
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var noRisk = Form();
        noRisk.Remove("Input.SuicideUrgency");
        var noAnswer = Form();
        noAnswer.Remove("Input.Hiv");

        var refusedRisk = await SignAsync(physician, patient.Id, noRisk);
        var refusedScreening = await SignAsync(physician, patient.Id, noAnswer);

        refusedRisk.StatusCode.Should().Be(HttpStatusCode.OK);
        (await refusedRisk.TextAsync()).Should().Contain("évaluez le risque, l'urgence et la dangerosité (grille RUD)");
        (await refusedScreening.TextAsync()).Should().Contain("notez la réponse du patient pour la sérologie VIH");
        (await StoredAsync(patient.Id)).Should().Be((0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task A_patient_of_another_unit_a_psychiatrist_or_a_dentist_is_refused_and_nothing_is_stored()
    {
        var patient = await ArrivalAsync(MovementKind.Arrival, 1);
        var ofOtherUnit = await app.LoginAsAsync(DemoData.Accounts.Single(a => a.Email == "medecin.sta@demo.usmp.fr"));

        var response = await SignAsync(ofOtherUnit, patient.Id, Form());

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
        (await StoredAsync(patient.Id)).Should().Be((0, 0, 0, 0, 0));
        foreach (var role in new[] { Role.Psychiatrist, Role.Dentist })
        {
            var client = await app.LoginAsAsync(DemoData.Account(role));
            (await client.GetAsync($"/EntryVisits/Visit/{patient.Id}")).Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
        }
    }

    [Fact]
    public async Task Arrivals_from_liberty_are_due_with_their_delay_flagged_against_the_units_target_and_leave_the_list_once_seen()
    {
        var late = await ArrivalAsync(MovementKind.Arrival, 3);
        var transferred = await ArrivalAsync(MovementKind.TransferIn, 3);
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));

        var row = (await physician.GetDocumentAsync("/EntryVisits/Index")).QuerySelectorAll("#due tbody tr")
            .Single(r => r.TextContent.Contains(late.Ecrou, StringComparison.Ordinal));
        row.ClassList.Should().Contain("overdue");
        row.TextContent.Should().Contain("en retard").And.Contain(TestClock.Today.AddDays(-3).ToString("dd/MM/yyyy"));
        (await physician.GetDocumentAsync("/EntryVisits/Index")).QuerySelector("#due")!.TextContent
            .Should().NotContain(transferred.Ecrou, "a transfer in was seen at his former establishment");

        // The coordinator, the unit's medical lead, sets the target; a physician cannot.
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var unitId = await app.UnitIdAsync(DemoData.UnitA);
        (await physician.PostFormAsync("/EntryVisits/Index?handler=Target",
            new Dictionary<string, string> { ["targetHours"] = "12" }, "/EntryVisits/Index")).Headers.Location!.OriginalString
            .Should().Contain("/Account/AccessDenied");
        (await app.WithDbAsync(db => db.Units.SingleAsync(u => u.Id == unitId))).EntryVisitTargetHours.Should().Be(48);
        var refused = await coordinator.PostFormAsync("/EntryVisits/Index?handler=Target",
            new Dictionary<string, string> { ["targetHours"] = "0" }, "/EntryVisits/Index");
        (await refused.TextAsync()).Should().Contain("Le délai cible de la visite d'entrée va de 1 à 240 heures");
        (await coordinator.PostFormAsync("/EntryVisits/Index?handler=Target",
            new Dictionary<string, string> { ["targetHours"] = "120" }, "/EntryVisits/Index"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Units.SingleAsync(u => u.Id == unitId))).EntryVisitTargetHours.Should().Be(120);

        var list = await physician.GetDocumentAsync("/EntryVisits/Index");
        list.QuerySelector("#target")!.TextContent.Should().Be("120 h");
        list.QuerySelectorAll("#due tbody tr").Single(r => r.TextContent.Contains(late.Ecrou, StringComparison.Ordinal))
            .ClassList.Should().NotContain("overdue");

        (await SignAsync(physician, late.Id, Form())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var after = await physician.GetDocumentAsync("/EntryVisits/Index");
        after.QuerySelector("#due")!.TextContent.Should().NotContain(late.Ecrou);
        after.QuerySelector("#recent")!.TextContent.Should().Contain(late.Ecrou);
    }

    [Fact]
    public async Task A_signed_entry_visit_cannot_be_updated_nor_deleted_even_by_a_superuser()
    {
        var patient = await ArrivalAsync(MovementKind.Arrival, 1);
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        (await SignAsync(physician, patient.Id, Form())).StatusCode.Should().Be(HttpStatusCode.Redirect);

        await using var connection = new NpgsqlConnection(app.AdminConnectionString);
        await connection.OpenAsync();
        foreach (var sql in new[] { "UPDATE somatic.entry_visits SET signed_by_name = 'x'", "DELETE FROM somatic.entry_visits" })
        {
            await using var command = new NpgsqlCommand($"{sql} WHERE patient_id = '{patient.Id}'", connection);
            var act = () => command.ExecuteNonQueryAsync();
            (await act.Should().ThrowAsync<PostgresException>()).Which.MessageText.Should().Contain("append-only");
        }
    }
}
