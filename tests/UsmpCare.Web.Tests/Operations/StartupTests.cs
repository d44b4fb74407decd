using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Operations;

/// <summary>
/// Issue « Hardening » #2 and #4: the built dll, started in Production exactly as run.sh starts it (from the repository
/// root), reads its settings, logs its requests without a name or a medical word, serves its CSS; and it refuses to
/// start with a well-formed audit key that is not the one the trail is sealed with. The class's database is only
/// used by the child processes: the in-memory app of the fixture is never started.
/// </summary>
public sealed class StartupTests(UsmpFactory database) : IClassFixture<UsmpFactory>
{
    private const string Key = "clé du journal d'audit des tests de démarrage, 2026";

    [Fact]
    public async Task Started_as_run_sh_starts_it_the_app_logs_each_request_without_names_serves_its_css_and_refuses_another_audit_key()
    {
        // Production refuses demo accounts: the clone's become ordinary accounts (a test-only write to its own database).
        await WithDbAsync(db => db.Users.ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDemo, false)));
        var physician = DemoData.Account(Role.Physician);
        var (patient, note) = await WithDbAsync(async db =>
        {
            var unitA = await db.Units.Where(u => u.Code == DemoData.UnitA).Select(u => u.Id).SingleAsync();
            var entry = await db.Entries(Team.Somatic).AsNoTracking()
                .Where(e => e.UnitId == unitA && e.Note != null && e.Note.Length > 20).OrderBy(e => e.Id).FirstAsync();
            return (await db.Patients.AsNoTracking().SingleAsync(p => p.Id == entry.PatientId), entry.Note!);
        });

        await using (var app = BuiltApp.Start(RunShEnvironment(Key)))
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true })
            {
                BaseAddress = await app.ListeningAsync(),
            };
            var css = await http.GetAsync("/css/site.css");
            css.StatusCode.Should().Be(HttpStatusCode.OK, "the stylesheet is served, not redirected to the sign-in page");
            css.Content.Headers.ContentType!.MediaType.Should().Be("text/css");
            (await css.Content.ReadAsStringAsync()).Should()
                .Be(await File.ReadAllTextAsync(Path.Combine(BuiltApp.RepositoryRoot, "src/UsmpCare.Web/wwwroot/css/site.css")));

            await http.SignInAsync(physician, () => WithDbAsync(db => db.Users.Where(u => u.Email == physician.Email)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.LastTotpStep, (long?)null))));
            var search = await http.GetAsync($"/Patients?q={Uri.EscapeDataString(patient.LastName)}");
            search.StatusCode.Should().Be(HttpStatusCode.OK);
            (await search.TextAsync()).Should().Contain(patient.LastName, "the search found the patient");
            (await http.GetAsync($"/Patients/Chart/{patient.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);

            var requests = await LoggedRequestsAsync(app, "/Patients", "/Patients/Chart/" + patient.Id);
            requests.Should().Contain(e => e.GetProperty("RequestPath").GetString() == "/Patients" && e.GetProperty("StatusCode").GetInt32() == 200);
            var log = string.Join('\n', app.Output);
            foreach (var secret in new[] { patient.LastName, patient.FirstName, note })
            {
                Regex.IsMatch(log, $@"\b{Regex.Escape(secret)}\b", RegexOptions.IgnoreCase).Should().BeFalse($"« {secret} » must not reach the log");
            }
        }
        var rows = await WithDbAsync(db => db.AuditEvents.CountAsync());
        rows.Should().BeGreaterThan(0, "the sign-in and the chart were audited with the first key");

        await using (var wrongKey = BuiltApp.Start(RunShEnvironment("une autre clé, bien formée, de plus de 32 caractères")))
        {
            (await wrongKey.ExitCodeAsync()).Should().Be(1, "a key that does not verify the chain's head is refused at start");
            wrongKey.Errors.Should().Contain("ne vérifie pas la dernière ligne du journal").And.Contain("rotate-audit-key");
        }
        (await WithDbAsync(db => db.AuditEvents.CountAsync())).Should().Be(rows, "nothing was sealed with the other key");
    }

    private Dictionary<string, string> RunShEnvironment(string auditKey) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__Default"] = database.ConnectionString,
        ["Audit__Key"] = auditKey,
    };

    /// <summary>The request log events of these paths, once the app has written them all.</summary>
    private static async Task<List<System.Text.Json.JsonElement>> LoggedRequestsAsync(BuiltApp app, params string[] paths)
    {
        for (var attempt = 0; ; attempt++)
        {
            var requests = app.LogEvents().Where(e => e.TryGetProperty("RequestPath", out var path) && e.TryGetProperty("StatusCode", out _)
                                                      && paths.Contains(path.GetString())).ToList();
            if (requests.Count >= paths.Length || attempt == 50)
            {
                return requests;
            }
            await Task.Delay(100);
        }
    }

    private Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work) => UsmpFactory.WithDatabaseAsync(database.ConnectionString, work);
}
