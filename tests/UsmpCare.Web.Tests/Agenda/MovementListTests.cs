using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Agenda;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Agenda;
using UsmpCare.Web.Data;
using UsmpCare.Web.Infrastructure;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Agenda;

/// <summary>
/// Issue #21, point 3: the prison's movement list says who to bring, from which cell, when, to « Unité sanitaire » —
/// never the practitioner, team, room, kind or reason (P05) — on the page and in the CSV; the prison records a person
/// not brought with its reason, the unit records the other outcomes, a second one only as a correction.
/// </summary>
public sealed class MovementListTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    private static readonly string[] Hidden =
        ["Dentaire", "Cabinet dentaire", "Léa Moreau", "Abcès de la molaire 36", "somatique", "psychiatr", "Psychologie", "Yanis Cherif"];

    [Fact]
    public async Task The_prison_reads_who_where_and_when_on_the_page_and_in_the_csv_never_the_kind_practitioner_room_or_reason()
    {
        var day = TestClock.Today.AddDays(3);
        var patient = await app.PatientInCellAsync("Mouvement", "B-214", "Bâtiment B");
        await app.BookAsync(patient, day.ToDateTime(new TimeOnly(10, 40)), VisitKind.Dental, "dentiste@demo.usmp.fr", Role.Dentist,
            "Cabinet dentaire", "Abcès de la molaire 36");
        var other = await app.PatientInCellAsync("Psy", "A-003", "Bâtiment A");
        await app.BookAsync(other, day.ToDateTime(new TimeOnly(10, 10)), VisitKind.Psychology, "psychologue@demo.usmp.fr", Role.Psychologist,
            "Bureau d'entretien", "Entretien de soutien après un deuil");
        var ap = await app.LoginAsAsync(DemoData.Account(Role.PrisonAdministration));

        var page = await ap.GetDocumentAsync($"/Ap/Movements?day={day:yyyy-MM-dd}");
        var rows = page.QuerySelectorAll("#movements tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).Take(7).ToArray()).ToList();
        rows.Should().ContainEquivalentOf(new[] { "10:40", "MOUVEMENT", "Yves", patient.Ecrou, "B-214", "Bâtiment B", "Unité sanitaire" });
        rows.IndexOf(rows.Single(r => r[3] == other.Ecrou)).Should().BeLessThan(rows.IndexOf(rows.Single(r => r[3] == patient.Ecrou)), "by time");
        var text = page.Body!.TextContent;
        Hidden.Where(word => text.Contains(word, StringComparison.OrdinalIgnoreCase)).Should().BeEmpty("P05: the prison learns only that he is expected at the unit");

        var csv = await ap.GetAsync(page.QuerySelector("a[download]")!.GetAttribute("href")!);
        csv.StatusCode.Should().Be(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(Encoding.UTF8.GetPreamble());
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be(MovementList.CsvHeader).And.Be("date;heure;nom;prenom;ecrou;cellule;batiment;lieu;non_amene");
        lines.Should().Contain($"{day:yyyy-MM-dd};10:40;MOUVEMENT;Yves;{patient.Ecrou};B-214;Bâtiment B;Unité sanitaire;");
        var all = string.Join("\n", lines);
        Hidden.Where(word => all.Contains(word, StringComparison.OrdinalIgnoreCase)).Should().BeEmpty("the CSV leaves for the prison's software");
    }

    [Fact]
    public async Task The_prison_records_not_brought_only_with_a_reason_of_its_list_and_only_once_the_day_has_come()
    {
        var patient = await app.PatientInCellAsync("Nonamene", "C-101", "Bâtiment C");
        var today = await app.BookAsync(patient, TestClock.Today.ToDateTime(new TimeOnly(0, 5)));
        var tomorrow = await app.BookAsync(patient, TestClock.Today.AddDays(1).ToDateTime(new TimeOnly(9, 0)));
        var ap = await app.LoginAsAsync(DemoData.Account(Role.PrisonAdministration));
        var url = $"/Ap/Movements?handler=NotBrought&day={TestClock.Today:yyyy-MM-dd}";
        var getUrl = $"/Ap/Movements?day={TestClock.Today:yyyy-MM-dd}";

        var noReason = await ap.PostFormAsync(url, new Dictionary<string, string> { ["AppointmentId"] = today.Id.ToString() }, getUrl);
        noReason.StatusCode.Should().Be(HttpStatusCode.OK);
        (await noReason.TextAsync()).Should().Contain("Choisissez la raison pour laquelle la personne n'a pas été amenée.");
        var early = await ap.PostFormAsync(url, new Dictionary<string, string>
        {
            ["AppointmentId"] = tomorrow.Id.ToString(), ["Reason"] = nameof(OutcomeReason.StaffShortage),
        }, getUrl);
        (await early.TextAsync()).Should().Contain("son issue s'enregistre à partir de ce jour-là");
        (await app.WithDbAsync(db => db.AppointmentOutcomes.CountAsync(o => o.AppointmentId == today.Id || o.AppointmentId == tomorrow.Id)))
            .Should().Be(0, "a refusal stores nothing");

        var recorded = await ap.PostFormAsync(url, new Dictionary<string, string>
        {
            ["AppointmentId"] = today.Id.ToString(), ["Reason"] = nameof(OutcomeReason.MovementsBlocked), ["Note"] = "Fouille générale du bâtiment C",
        }, getUrl);
        recorded.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stored = await app.WithDbAsync(db => db.Appointments.Include(a => a.OutcomeTrail).SingleAsync(a => a.Id == today.Id));
        stored.Outcome.Should().Be(AppointmentOutcome.NotBrought);
        stored.OutcomeReason.Should().Be(OutcomeReason.MovementsBlocked);
        stored.OutcomeTrail.Should().ContainSingle().Which.ByPrison.Should().BeTrue();
        (await ap.GetDocumentAsync(getUrl)).QuerySelector("#movements")!.TextContent.Should().Contain("Non amené : mouvements bloqués (incident, fouille)");

        // The unit's own outcomes are not the prison's to write.
        var seen = await ap.PostFormAsync("/Agenda/Day?handler=Outcome", new Dictionary<string, string>
        {
            ["AppointmentId"] = tomorrow.Id.ToString(), ["Outcome"] = nameof(AppointmentOutcome.Seen),
        }, getUrl);
        seen.Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
    }

    [Fact]
    public async Task No_outcome_is_recorded_for_an_appointment_of_another_unit_by_the_prison_or_by_the_health_staff()
    {
        var stranger = await app.NewPatientAsync("Autreunite", DemoData.UnitB);
        var appointment = await app.WithDbAsync(async db =>
        {
            // Unit B's own room: the demo gives rooms to the first unit only.
            var room = new Room(stranger.UnitId, "Salle de l'unité B");
            db.Rooms.Add(room);
            var user = await db.Users.SingleAsync(u => u.Email == "medecin@demo.usmp.fr");
            var who = new Practitioner(user.Id, user.DisplayName, Role.Physician, Team.Somatic, new HashSet<Guid> { stranger.UnitId });
            var start = Fr.FromLocal(TestClock.Today.ToDateTime(new TimeOnly(0, 15)));
            var booked = Appointment.Book(new Booking(stranger, stranger.UnitId, VisitKind.Consultation, start, 20, who, room, "Contrôle"), [],
                user.Id, user.DisplayName, start.AddDays(-1));
            db.Appointments.Add(booked);
            await db.SaveChangesAsync();
            return booked;
        });
        var day = $"day={TestClock.Today:yyyy-MM-dd}";
        var prison = await app.LoginAsAsync(DemoData.Account(Role.PrisonAdministration)); // unit A only
        var secretary = await app.LoginAsAsync(DemoData.Account(Role.Secretary)); // unit A only

        var notBrought = await prison.PostFormAsync($"/Ap/Movements?handler=NotBrought&{day}", new Dictionary<string, string>
        {
            ["AppointmentId"] = appointment.Id.ToString(), ["Reason"] = nameof(OutcomeReason.StaffShortage),
        }, $"/Ap/Movements?{day}");
        var outcome = await secretary.PostFormAsync($"/Agenda/Day?handler=Outcome&{day}", new Dictionary<string, string>
        {
            ["AppointmentId"] = appointment.Id.ToString(), ["Outcome"] = nameof(AppointmentOutcome.Seen),
        }, $"/Agenda/Day?{day}");

        notBrought.StatusCode.Should().Be(HttpStatusCode.NotFound);
        outcome.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await app.WithDbAsync(db => db.Appointments.SingleAsync(a => a.Id == appointment.Id))).Outcome.Should().BeNull();
        (await app.WithDbAsync(db => db.AppointmentOutcomes.CountAsync(o => o.AppointmentId == appointment.Id))).Should().Be(0);
    }

    [Fact]
    public async Task The_unit_records_an_outcome_on_its_day_list_and_a_second_one_only_as_a_correction_that_says_why()
    {
        var patient = await app.PatientInCellAsync("Issue", "D-007", "Bâtiment D");
        var appointment = await app.BookAsync(patient, TestClock.Today.ToDateTime(new TimeOnly(0, 10)));
        var secretary = await app.LoginAsAsync(DemoData.Account(Role.Secretary));
        var url = $"/Agenda/Day?handler=Outcome&day={TestClock.Today:yyyy-MM-dd}";
        var getUrl = $"/Agenda/Day?day={TestClock.Today:yyyy-MM-dd}";
        Task<HttpResponseMessage> Post(AppointmentOutcome outcome, string? correction = null) => secretary.PostFormAsync(url,
            new Dictionary<string, string> { ["AppointmentId"] = appointment.Id.ToString(), ["Outcome"] = outcome.ToString(), ["Correction"] = correction ?? "" }, getUrl);

        (await Post(AppointmentOutcome.RefusedByPatient)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var again = await Post(AppointmentOutcome.Seen);
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await again.TextAsync()).Should().Contain("déjà enregistrée (Refus du patient) : pour la corriger, dites pourquoi.");
        (await app.WithDbAsync(db => db.Appointments.SingleAsync(a => a.Id == appointment.Id))).Outcome.Should().Be(AppointmentOutcome.RefusedByPatient);

        (await Post(AppointmentOutcome.Seen, "Le patient est revenu sur son refus à 11 h")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var trail = await app.WithDbAsync(db => db.AppointmentOutcomes.Where(o => o.AppointmentId == appointment.Id).OrderBy(o => o.At).ToListAsync());
        trail.Select(o => o.Outcome).Should().Equal(AppointmentOutcome.RefusedByPatient, AppointmentOutcome.Seen);
        trail[1].Correction.Should().Be("Le patient est revenu sur son refus à 11 h");
        (await secretary.GetDocumentAsync(getUrl)).QuerySelector("#day-list")!.TextContent.Should().Contain("Vu");
    }
}
