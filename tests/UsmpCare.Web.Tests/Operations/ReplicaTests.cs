using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Operations;

/// <summary>The app over a primary of its own and a streaming replica built from it with pg_basebackup.</summary>
public sealed class ReplicatedFactory : RestartableFactory
{
    public PostgresServer Replica { get; private set; } = null!;

    protected override async Task<(PostgresServer Server, string Name)> CreateDatabaseAsync()
    {
        var created = await base.CreateDatabaseAsync();
        Replica = await Database.StartReplicaAsync();
        return created;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Replica", Replica.AppConnectionStringFor("usmp"));
    }

    /// <summary>Waits until the replica has replayed everything the primary wrote so far.</summary>
    public async Task CaughtUpAsync()
    {
        var written = await Database.ScalarAsync<string>("SELECT pg_current_wal_lsn()::text");
        for (var i = 0; i < 200; i++)
        {
            if (await Replica.ScalarAsync<bool>($"SELECT pg_last_wal_replay_lsn() >= '{written}'::pg_lsn"))
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("la réplique n'a pas rattrapé le primaire en 10 s");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Replica.CrashAsync();
    }
}

/// <summary>
/// Issue #22 point 5: with ConnectionStrings__Replica set, the reports, the dashboards and the audit search read from
/// a streaming replica while every write still goes to the primary. The replica's replay is paused, so what it serves
/// is visibly older than the primary.
/// </summary>
public sealed class ReplicaTests(ReplicatedFactory app) : IClassFixture<ReplicatedFactory>
{
    [Fact]
    public async Task The_audit_search_and_the_reports_are_served_by_the_replica_while_writes_go_to_the_primary()
    {
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var patient = await app.NewPatientAsync("Répliqué");
        await using (var scope = app.Scope())
        {
            scope.ServiceProvider.GetRequiredService<ReportingDb>().OnReplica.Should().BeTrue();
        }
        await app.CaughtUpAsync();
        await app.Replica.ExecuteAsync("SELECT pg_wal_replay_pause()");
        try
        {
            // A write while the replica stands still: the read of the chart is audited on the primary.
            (await coordinator.GetAsync($"/Patients/Chart/{patient.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
            await WaitForAsync(() => app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == patient.Id)));

            (await AuditCsvAsync(coordinator, patient.Ecrou)).Should().NotContain(patient.Id.ToString(),
                "the search is served by the replica, which has not replayed the read yet");
            foreach (var page in new[] { "/Reports/Activity", "/Reports/Partnership", "/Dashboard", "/CareRequests/Figures",
                         "/Audit/BreakGlass", $"/Audit/Patient?ecrou={patient.Ecrou}" })
            {
                (await coordinator.GetAsync(page)).StatusCode.Should().Be(HttpStatusCode.OK, page);
            }
        }
        finally
        {
            await app.Replica.ExecuteAsync("SELECT pg_wal_replay_resume()");
        }
        await app.CaughtUpAsync();
        (await AuditCsvAsync(coordinator, patient.Ecrou)).Should().Contain(patient.Id.ToString(),
            "once replayed, the replica serves the same trail as the primary");
    }

    private static async Task<string> AuditCsvAsync(HttpClient coordinator, string ecrou)
    {
        var response = await coordinator.GetAsync($"/Audit?handler=Csv&Ecrou={ecrou}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200 && !await condition(); i++)
        {
            await Task.Delay(50);
        }
        (await condition()).Should().BeTrue();
    }
}
