using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.CareRequests;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.CareRequests;

/// <summary>P33: the queue by urgency then age, overdue requests, status history, the walls, figures, scans.</summary>
public sealed class QueueTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task The_queue_puts_urgent_first_then_the_oldest_and_flags_overdue_requests()
    {
        var a = await app.NewPatientAsync("Fileun");
        var b = await app.NewPatientAsync("Filedeux");
        var c = await app.NewPatientAsync("Filetrois");
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        var oldRound = await RoundTests.OpenRoundAsync(nurse, "Bâtiment Q", TestClock.Local(TimeSpan.FromDays(-2)));
        await RoundTests.LogAsync(nurse, oldRound, a.Ecrou, "ancienne non urgente");
        await RoundTests.LogAsync(nurse, oldRound, b.Ecrou, "ancienne urgente", urgency: "Urgent");
        var newRound = await RoundTests.OpenRoundAsync(nurse, "Bâtiment Q");
        await RoundTests.LogAsync(nurse, newRound, c.Ecrou, "récente urgente", urgency: "Urgent");

        var rows = (await nurse.GetDocumentAsync("/CareRequests?Wing=" + Uri.EscapeDataString("Bâtiment Q")))
            .QuerySelectorAll("table.queue tbody tr").ToList();

        rows.Select(r => r.TextContent).Should().SatisfyRespectively(
            first => first.Should().Contain("ancienne urgente").And.Contain("2 j").And.Contain("en retard"),
            second => second.Should().Contain("récente urgente").And.NotContain("en retard"),
            third => third.Should().Contain("ancienne non urgente").And.NotContain("en retard"));
        rows[0].ClassList.Should().Contain("overdue");
    }

    [Fact]
    public async Task The_wing_filter_offers_the_last_months_wings_and_keeps_an_older_one_chosen_in_the_link()
    {
        var now = DateTimeOffset.UtcNow;
        var longAgo = now.AddDays(-(Pages.CareRequests.IndexModel.FilterChoicesDays + 30));
        await app.WithDbAsync(async db =>
        {
            var unit = await db.Units.SingleAsync(u => u.Code == DemoData.UnitA);
            db.CollectionRounds.Add(new CollectionRound(unit.Id, "Aile fermée l'an passé", null, longAgo, Guid.NewGuid(), "Infirmière partie", longAgo));
            db.CollectionRounds.Add(new CollectionRound(unit.Id, "Aile du jour", null, now.AddHours(-1), Guid.NewGuid(), "Infirmière présente", now));
            return await db.SaveChangesAsync();
        });
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        async Task<List<string>> WingsAsync(string url) =>
            [.. (await nurse.GetDocumentAsync(url)).QuerySelectorAll("#f-wing option").Select(o => o.TextContent)];

        (await WingsAsync("/CareRequests")).Should().Contain("Aile du jour").And.NotContain("Aile fermée l'an passé");
        (await WingsAsync("/CareRequests?Wing=" + Uri.EscapeDataString("Aile fermée l'an passé"))).Should().Contain("Aile fermée l'an passé");
    }

    [Fact]
    public async Task Every_status_change_is_recorded_and_a_signed_consultation_answers_the_request()
    {
        var patient = await app.NewPatientAsync("Historique");
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        var round = await RoundTests.OpenRoundAsync(nurse, "Bâtiment H", TestClock.Local(TimeSpan.FromHours(-5)));
        await RoundTests.LogAsync(nurse, round, patient.Ecrou, "Douleur à l'épaule");
        var id = await app.WithDbAsync(db => db.CareRequests.Where(r => r.PatientId == patient.Id).Select(r => r.Id).SingleAsync());
        var url = $"/CareRequests/Request/{id}";

        (await nurse.PostFormAsync(url + "?handler=Triage", new Dictionary<string, string> { ["Urgency"] = "ThisWeek", ["Note"] = "À voir par le médecin" }, url))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await nurse.PostFormAsync(url + "?handler=Appointment", new Dictionary<string, string>
        {
            ["AppointmentAt"] = TestClock.Form(TimeSpan.FromDays(1)),
        }, url)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var editor = (await physician.GetDocumentAsync($"/Records/Consultation?patientId={patient.Id}")).Body!.TextContent;
        editor.Should().Contain("Douleur à l'épaule");
        var form = Clinic.ConsultationForm(patient.Id, "Tendinite de l'épaule");
        form["Input.AnsweredRequestIds"] = id.ToString();
        (await physician.PostConsultationAsync("Sign", form)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var request = await app.WithDbAsync(db => db.CareRequests.Include(r => r.Events).SingleAsync(r => r.Id == id));
        request.Status.Should().Be(CareRequestStatus.SeenInConsultation);
        request.Events.OrderBy(e => e.At).Select(e => e.To).Should().Equal(CareRequestStatus.New, CareRequestStatus.Triaged,
            CareRequestStatus.AppointmentSet, CareRequestStatus.SeenInConsultation);
        var history = (await nurse.GetDocumentAsync(url)).QuerySelectorAll("table.data tbody tr").Select(r => r.TextContent).ToList();
        history.Should().HaveCount(4);
        history[1].Should().Contain("Julie Lefèvre").And.Contain("À voir par le médecin");
        history[3].Should().Contain("Dr Claire Martin").And.Contain("Vue en consultation");

        var figures = await nurse.GetDocumentAsync("/CareRequests/Figures");
        figures.QuerySelector("#waits tbody")!.TextContent.Should().Contain("Somatique").And.Contain("5 h");
    }

    [Fact]
    public async Task A_psychiatric_request_is_read_by_the_psychiatric_team_only()
    {
        var patient = await app.NewPatientAsync("Murpsy");
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        var round = await RoundTests.OpenRoundAsync(nurse, "Bâtiment P");
        await RoundTests.LogAsync(nurse, round, patient.Ecrou, "Entend des voix la nuit", "Psychiatric");
        var id = await app.WithDbAsync(db => db.CareRequests.Where(r => r.PatientId == patient.Id).Select(r => r.Id).SingleAsync());

        (await nurse.GetAsync($"/CareRequests/Request/{id}")).Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
        (await nurse.GetDocumentAsync("/CareRequests?Status=")).Body!.TextContent.Should().NotContain("Entend des voix");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        (await physician.GetAsync($"/CareRequests/Request/{id}")).Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");

        var psyNurse = await app.LoginAsAsync(DemoData.Nurse(Team.Psychiatric));
        (await psyNurse.GetDocumentAsync("/CareRequests")).Body!.TextContent.Should().Contain("Entend des voix la nuit");
        (await psyNurse.GetDocumentAsync($"/CareRequests/Request/{id}")).Body!.TextContent.Should().Contain("Entend des voix la nuit");
        foreach (var role in new[] { Role.PrisonAdministration, Role.Spip })
        {
            var outsider = await app.LoginAsAsync(DemoData.Account(role));
            (await outsider.GetAsync($"/CareRequests/Request/{id}")).Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
        }
    }

    [Fact]
    public async Task A_slip_logged_under_a_name_is_reconciled_later_and_closing_needs_a_reason()
    {
        var patient = await app.NewPatientAsync("Rapprochement");
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        var round = await RoundTests.OpenRoundAsync(nurse, "Bâtiment R");
        await RoundTests.LogAsync(nurse, round, "R. Rapprochemen", "Pansement", extra: new() { ["Input.Unidentified"] = "true" });
        var id = await app.WithDbAsync(db => db.CareRequests.Where(r => r.UnidentifiedName == "R. Rapprochemen").Select(r => r.Id).SingleAsync());
        var url = $"/CareRequests/Request/{id}";

        var wrong = await nurse.PostFormAsync(url + "?handler=Reconcile", new Dictionary<string, string> { ["Ecrou"] = "000" }, url);
        (await wrong.TextAsync()).Should().Contain("Aucun patient de l'unité n'a l'écrou « 000 »");
        (await nurse.PostFormAsync(url + "?handler=Reconcile", new Dictionary<string, string> { ["Ecrou"] = patient.Ecrou }, url))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var noReason = await nurse.PostFormAsync(url + "?handler=Close", new Dictionary<string, string>(), url);
        (await noReason.TextAsync()).Should().Contain("Choisissez le motif de clôture");
        (await nurse.PostFormAsync(url + "?handler=Close", new Dictionary<string, string> { ["Reason"] = "Duplicate" }, url))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var request = await app.WithDbAsync(db => db.CareRequests.SingleAsync(r => r.Id == id));
        request.PatientId.Should().Be(patient.Id);
        request.Status.Should().Be(CareRequestStatus.Closed);
        request.CloseReason.Should().Be(CloseReason.Duplicate);
    }

    [Fact]
    public async Task A_scan_is_accepted_by_its_content_and_served_to_the_team_only()
    {
        var patient = await app.NewPatientAsync("Scan");
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        var round = await RoundTests.OpenRoundAsync(nurse, "Bâtiment S");
        await RoundTests.LogAsync(nurse, round, patient.Ecrou, "Billet scanné");
        var id = await app.WithDbAsync(db => db.CareRequests.Where(r => r.PatientId == patient.Id).Select(r => r.Id).SingleAsync());
        var url = $"/CareRequests/Request/{id}";
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

        var fake = await UploadAsync(nurse, url, "billet.png", "image/png", "<script>alert(1)</script>"u8.ToArray());
        (await fake.TextAsync()).Should().Contain("Seuls les fichiers JPEG, PNG ou PDF sont acceptés");
        (await UploadAsync(nurse, url, "billet.png", "image/png", png)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var scanId = await app.WithDbAsync(db => db.CareRequestScans.Where(s => s.RequestId == id).Select(s => s.Id).SingleAsync());
        var download = await nurse.GetAsync($"{url}?handler=Scan&scanId={scanId}");
        download.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(png);
        var ap = await app.LoginAsAsync(DemoData.Account(Role.PrisonAdministration));
        (await ap.GetAsync($"{url}?handler=Scan&scanId={scanId}")).Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
    }

    [Fact]
    public async Task Two_nurses_closing_the_same_request_the_second_gets_a_conflict()
    {
        var patient = await app.NewPatientAsync("Conflit");
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        var round = await RoundTests.OpenRoundAsync(nurse, "Bâtiment K");
        await RoundTests.LogAsync(nurse, round, patient.Ecrou, "Demande en double main");
        var request = await app.WithDbAsync(db => db.CareRequests.SingleAsync(r => r.PatientId == patient.Id));
        var url = $"/CareRequests/Request/{request.Id}";

        (await nurse.PostFormAsync(url + "?handler=Triage", new Dictionary<string, string>
        {
            ["Urgency"] = "Urgent", ["Version"] = request.Version.ToString(),
        }, url)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stale = await nurse.PostFormAsync(url + "?handler=Close", new Dictionary<string, string>
        {
            ["Reason"] = "Duplicate", ["Version"] = request.Version.ToString(),
        }, url);

        (await stale.TextAsync()).Should().Contain("vient d'être modifiée par quelqu'un d'autre");
        (await app.WithDbAsync(db => db.CareRequests.SingleAsync(r => r.Id == request.Id))).Status.Should().Be(CareRequestStatus.Triaged);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string name, string type, byte[] bytes)
    {
        var page = HttpClientExtensions.Parse(await client.GetStringAsync(url));
        var token = page.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        content.Add(file, "Scan", name);
        return await client.PostAsync(url + "?handler=Scan", content);
    }
}
