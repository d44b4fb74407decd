using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Security;

/// <summary>The attacks a security auditor tries first: IDOR, stored XSS, injection, odd input, CSRF, cookie replay.</summary>
public sealed class AttackTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task Ids_of_another_units_patient_in_every_route_give_no_data()
    {
        var victim = await app.NewPatientAsync("Victime", DemoData.UnitB);
        var physicianB = await app.LoginAsAsync(DemoData.Accounts.Single(a => a.Email == "medecin.sta@demo.usmp.fr"));
        var form = Clinic.ConsultationForm(victim.Id, "Note secrète de l'autre unité");
        await physicianB.PostConsultationAsync("Sign", form);
        var entryId = (await app.EntriesOfAsync(victim.Id, Team.Somatic)).Single().Id;
        var attacker = await app.LoginAsAsync(DemoData.Account(Role.Psychiatrist)); // unit A only
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Where(r => r.Contains('{')).Distinct().ToList();
        routes.Should().HaveCountGreaterThan(15);

        foreach (var route in routes)
        {
            var url = Regex.Replace(route, @"\{(\w+)(:[^}?]*)?\??\}", m => m.Groups[1].Value switch
            {
                "team" => "Somatic",
                "patientId" => victim.Id.ToString(),
                _ => route.Contains("{team}") ? entryId.ToString() : victim.Id.ToString(),
            });
            var response = await attacker.GetAsync(url);
            ((int)response.StatusCode).Should().BeLessThan(500, url);
            (await response.TextAsync()).Should().NotContain("Note secrète").And.NotContain("VICTIME", $"{url} must not leak");
        }
        var post = await attacker.PostFormAsync($"/Records/NursingNote/{victim.Id}", new Dictionary<string, string> { ["Note"] = "intrusion" },
            "/Patients");
        post.Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
    }

    [Fact]
    public async Task Markup_typed_in_text_fields_is_shown_as_text_never_run()
    {
        var patient = await app.NewPatientAsync("<script>alert('nom')</script>");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        await physician.PostConsultationAsync("Sign", Clinic.ConsultationForm(patient.Id, "<img src=x onerror=alert('note')>"));

        foreach (var url in new[] { $"/Patients/Chart/{patient.Id}", "/Patients?q=script" })
        {
            var html = await (await physician.GetAsync(url)).Content.ReadAsStringAsync();
            html.Should().NotContain("<script>alert").And.NotContain("<img src=x");
            html.Should().Contain("&lt;");
        }
    }

    [Fact]
    public async Task Injection_overlong_and_nul_byte_input_never_breaks_the_app()
    {
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        var before = await app.WithDbAsync(db => db.Patients.CountAsync());

        foreach (var q in new[] { "'; DROP TABLE core.patients; --", "%' OR 1=1 --", new string('é', 5000), "\\", "_%" })
        {
            var response = await nurse.GetAsync("/Patients?q=" + Uri.EscapeDataString(q));
            response.StatusCode.Should().Be(HttpStatusCode.OK, q.Length > 40 ? "overlong" : q);
        }
        (await app.WithDbAsync(db => db.Patients.CountAsync())).Should().Be(before);

        var nulQuery = await nurse.GetAsync("/Patients?q=abc%00def");
        nulQuery.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var patient = await app.NewPatientAsync("Nul");
        var nulForm = await nurse.PostFormAsync($"/Records/NursingNote/{patient.Id}", new Dictionary<string, string> { ["Note"] = "a\0b" });
        nulForm.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await nulForm.TextAsync()).Should().Contain("Requête invalide");
    }

    [Fact]
    public async Task Overlong_fields_huge_page_numbers_and_forged_document_kinds_get_french_answers_not_500()
    {
        var patient = await app.NewPatientAsync("Long");
        var secretary = await app.LoginAsAsync(DemoData.Account(Role.Secretary));
        var tooLong = await secretary.PostFormAsync($"/Patients/Edit/{patient.Id}", new Dictionary<string, string>
        {
            ["Input.Version"] = patient.Version.ToString(), ["Input.Ecrou"] = patient.Ecrou, ["Input.LastName"] = "Long",
            ["Input.FirstName"] = "Paul", ["Input.BirthDate"] = patient.BirthDate.ToString("yyyy-MM-dd"), ["Input.Sex"] = "Male",
            ["Input.ArrivalDate"] = patient.ArrivalDate.ToString("yyyy-MM-dd"), ["Input.Cell"] = new string('B', 200),
        });
        tooLong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await tooLong.TextAsync()).Should().Contain("Saisie trop longue");

        (await secretary.GetAsync("/Patients?p=99999999")).StatusCode.Should().Be(HttpStatusCode.OK);

        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var forged = await physician.PostFormAsync($"/Documents/New/{patient.Id}?handler=Issue",
            new Dictionary<string, string> { ["Input.Kind"] = "ReleasePack" }, $"/Documents/New/{patient.Id}?kind=RegimeAttestation");
        (await forged.TextAsync()).Should().Contain("Ce document ne s'établit pas ici");
        (await app.WithDbAsync(db => db.IssuedDocuments.CountAsync(d => d.PatientId == patient.Id))).Should().Be(0);
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_refused()
    {
        var patient = await app.NewPatientAsync("Csrf");
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));

        var response = await nurse.PostAsync($"/Records/NursingNote/{patient.Id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Note"] = "forgée" }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await app.EntriesOfAsync(patient.Id, Team.Somatic)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_cookie_replayed_after_sign_out_is_refused()
    {
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Psychiatric));
        var cookie = await CookieHeaderAsync(nurse);
        (await nurse.PostFormAsync("/Account/Logout", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var replay = app.NewClient();
        replay.DefaultRequestHeaders.Add("Cookie", cookie);
        var response = await replay.GetAsync("/Patients");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Contain("/Account/Login");
    }

    /// <summary>The authentication cookie as the browser would send it.</summary>
    private static async Task<string> CookieHeaderAsync(HttpClient client)
    {
        var probe = await client.GetAsync("/Patients");
        probe.StatusCode.Should().Be(HttpStatusCode.OK);
        var handlerField = typeof(HttpMessageInvoker).GetField("_handler", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        var handler = handlerField.GetValue(client);
        while (handler is DelegatingHandler delegating && handler.GetType().Name != "CookieContainerHandler")
        {
            handler = delegating.InnerHandler;
        }
        var container = (CookieContainer)handler!.GetType().GetProperty("Container")!.GetValue(handler)!;
        return container.GetCookieHeader(new Uri("http://localhost/"));
    }
}
