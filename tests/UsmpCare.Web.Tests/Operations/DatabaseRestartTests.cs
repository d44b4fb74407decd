using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Auditing;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Operations;

/// <summary>The app over a PostgreSQL cluster of its own, which the test crashes and restarts.</summary>
public class RestartableFactory : UsmpFactory
{
    public PostgresServer Database { get; private set; } = null!;

    protected override async Task<(PostgresServer Server, string Name)> CreateDatabaseAsync()
    {
        Database = await PostgresServer.StartPrivateAsync();
        await Database.CreateDatabaseAsync("usmp");
        await MigrateAndSeedAsync(Database, "usmp");
        await PrepareDatabaseAsync(Database.ConnectionStringFor("usmp"));
        return (Database, "usmp");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.CrashAsync();
    }
}

/// <summary>
/// Issue « Security and reliability », faults: PostgreSQL crashes while a nurse logs slips and a load balancer polls
/// /health/ready; it restarts; the app recovers by itself (EF Core's retrying execution strategy, Npgsql's pool),
/// readiness goes red then green, and no acknowledged write is lost or duplicated.
/// </summary>
public sealed class DatabaseRestartTests(RestartableFactory app) : IClassFixture<RestartableFactory>
{
    [Fact]
    public async Task The_app_recovers_by_itself_from_a_database_crash_and_loses_or_duplicates_no_acknowledged_write()
    {
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        var unitId = await app.UnitIdAsync(DemoData.UnitA);
        var ecrou = await app.WithDbAsync(db => db.Patients.Where(p => p.Status == PatientStatus.Present && p.UnitId == unitId)
            .OrderBy(p => p.Ecrou).Select(p => p.Ecrou).FirstAsync());
        var round = await CareRequests.RoundTests.OpenRoundAsync(nurse, "Bâtiment panne");
        var token = (await nurse.GetDocumentAsync(round)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var outcomes = new ConcurrentDictionary<string, HttpStatusCode?>();
        var readiness = new ConcurrentQueue<(TimeSpan At, TimeSpan Ended, HttpStatusCode? Status)>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var summary = $"Billet pendant la panne {i:D4}";
                try
                {
                    var response = await nurse.PostAsync(round + "?handler=Log", new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["__RequestVerificationToken"] = token, ["Input.Patient"] = ecrou, ["Input.Summary"] = summary,
                        ["Input.Team"] = "Somatic", ["Input.Urgency"] = "NotUrgent",
                    }));
                    outcomes[summary] = response.StatusCode;
                }
                catch (Exception)
                {
                    outcomes[summary] = null;
                }
                await Task.Delay(40);
            }
        });
        var probe = app.NewClient();
        var prober = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var started = clock.Elapsed;
                HttpStatusCode? status;
                try
                {
                    status = (await probe.GetAsync("/health/ready")).StatusCode;
                }
                catch (Exception)
                {
                    status = null;
                }
                readiness.Enqueue((started, clock.Elapsed, status));
                await Task.Delay(100);
            }
        });

        // Conditions, not fixed sleeps: on a busy machine 1.5 s did not always see a green probe before the crash.
        async Task UntilAsync(Func<bool> condition, string what)
        {
            var limit = clock.Elapsed + TimeSpan.FromSeconds(30);
            while (!condition())
            {
                clock.Elapsed.Should().BeLessThan(limit, what);
                await Task.Delay(50);
            }
        }

        await UntilAsync(() => readiness.Any(s => s.Status == HttpStatusCode.OK) && outcomes.Count(o => o.Value == HttpStatusCode.Redirect) >= 3,
            "readiness is green and slips are saved before the crash");
        var crashedAt = clock.Elapsed;
        await app.Database.CrashAsync();
        await UntilAsync(() => readiness.Any(s => s.At > crashedAt && s.Status != HttpStatusCode.OK), "readiness turns red once the database is down");
        var restartedAt = clock.Elapsed;
        await app.Database.RestartAsync();
        // Recovered: readiness green again and writes acknowledged after the restart, within 30 s.
        var deadline = clock.Elapsed + TimeSpan.FromSeconds(30);
        var acknowledgedBeforeRestart = outcomes.Count(o => o.Value == HttpStatusCode.Redirect);
        while (clock.Elapsed < deadline && !(readiness.LastOrDefault() is { Status: HttpStatusCode.OK } last && last.At > restartedAt
                                             && outcomes.Count(o => o.Value == HttpStatusCode.Redirect) >= acknowledgedBeforeRestart + 5))
        {
            await Task.Delay(200);
        }
        await stop.CancelAsync();
        await Task.WhenAll(writer, prober);

        var samples = readiness.ToList();
        samples.Where(s => s.Ended < crashedAt).Should().NotBeEmpty().And.OnlyContain(s => s.Status == HttpStatusCode.OK, "green before the crash");
        samples.Where(s => s.At > crashedAt && s.At < restartedAt).Should().Contain(s => s.Status != HttpStatusCode.OK, "red while the database is down");
        samples.Last().Status.Should().Be(HttpStatusCode.OK, "green again once it is back, without restarting the app");
        outcomes.Count(o => o.Value == HttpStatusCode.Redirect).Should().BeGreaterThanOrEqualTo(acknowledgedBeforeRestart + 5,
            "writes are acknowledged again after the restart");

        var stored = await app.WithDbAsync(db => db.CareRequests.Where(r => r.Summary.StartsWith("Billet pendant la panne"))
            .GroupBy(r => r.Summary).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        stored.Should().OnlyContain(s => s.Count == 1, "no write is duplicated by a retry");
        var acknowledged = outcomes.Where(o => o.Value == HttpStatusCode.Redirect).Select(o => o.Key).ToList();
        stored.Select(s => s.Key).Should().Contain(acknowledged, "every write the nurse was told was saved is there");

        await using var scope = app.Scope();
        (await scope.ServiceProvider.GetRequiredService<AuditChain>().VerifyAsync()).Should().BeEmpty("the audit chain survives the crash");
        var audited = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditAction.Write && e.Target == round + "?handler=Log"));
        audited.Should().BeGreaterThanOrEqualTo(stored.Count, "no slip written during the crash lacks its audit row");
    }
}
