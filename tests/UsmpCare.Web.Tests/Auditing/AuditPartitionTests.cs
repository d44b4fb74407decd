using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Auditing;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Auditing;

/// <summary>ADR 0013: the audit trail partitioned by month keeps every guarantee of P16.</summary>
public sealed class AuditPartitionTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task The_trail_is_partitioned_by_range_on_at_and_a_row_of_a_month_without_partition_creates_it()
    {
        var key = await RowsAsync<(string, string)>("""
            SELECT p.partstrat::text, a.attname::text
            FROM pg_partitioned_table p JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
            WHERE p.partrelid = 'audit.audit_events'::regclass
            """, r => (r.GetString(0), r.GetString(1)));
        key.Should().Equal([("r", "at")], "the trail is partitioned by range on its time");
        (await ScalarAsync<bool>("SELECT to_regclass('audit.audit_events_2031_05') IS NULL")).Should().BeTrue();

        var clock = new ManualClock(new DateTimeOffset(2031, 5, 31, 23, 59, 59, 999, TimeSpan.Zero).AddTicks(9_990));
        await using var trail = await NewTrailAsync(clock);
        var lastOfMay = await AppendAsync(trail, "/Tests/Partitions/mai");
        clock.Now = new DateTimeOffset(2031, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var firstOfJune = await AppendAsync(trail, "/Tests/Partitions/juin");

        (await PartitionOfAsync(lastOfMay)).Should().Be("audit.audit_events_2031_05", "the month is the UTC calendar month");
        (await PartitionOfAsync(firstOfJune)).Should().Be("audit.audit_events_2031_06");
        (await ScalarAsync<long>("""
            SELECT count(*) FROM pg_trigger
            WHERE tgname = 'audit_events_no_truncate' AND tgrelid IN ('audit.audit_events_2031_05'::regclass, 'audit.audit_events_2031_06'::regclass)
            """)).Should().Be(2, "each new partition gets its own TRUNCATE guard");
        (await ScalarAsync<long>("SELECT audit.ensure_month_partition('2031-05-10 12:00+00')::oid::bigint"))
            .Should().Be(await ScalarAsync<long>("SELECT 'audit.audit_events_2031_05'::regclass::oid::bigint"), "ensuring twice is harmless");
        var head = await RowsAsync("SELECT id, hash FROM audit.chain_head", r => (r.GetInt64(0), r.GetString(1)));
        head.Should().Equal([(firstOfJune.Id, firstOfJune.Hash)], "the head follows the last row written");
    }

    [Fact]
    public async Task Every_partition_refuses_update_delete_and_truncate_even_to_a_superuser()
    {
        // One partition made by the app's own trail (a sign-in row, this month), one by a trail whose clock is elsewhere.
        var signInFrom = DateTime.UtcNow;
        await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var signInTo = DateTime.UtcNow;
        await using (var trail = await NewTrailAsync(new ManualClock(new DateTimeOffset(2032, 2, 14, 9, 0, 0, TimeSpan.Zero))))
        {
            await AppendAsync(trail, "/Tests/Partitions/fevrier");
        }
        var partitions = await RowsAsync("""
            SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = 'audit.audit_events'::regclass ORDER BY 1
            """, r => r.GetString(0));
        partitions.Should().Contain("audit.audit_events_2032_02");
        // The sign-in row's month: the month may turn (UTC) between the sign-in and this line.
        partitions.Should().Contain(p => p == $"audit.audit_events_{signInFrom:yyyy_MM}" || p == $"audit.audit_events_{signInTo:yyyy_MM}");
        var before = await ScalarAsync<long>("SELECT count(*) FROM audit.audit_events");

        foreach (var partition in partitions)
        {
            foreach (var sql in new[] { $"UPDATE {partition} SET user_name = 'Personne'", $"DELETE FROM {partition}", $"TRUNCATE {partition}" })
            {
                var change = () => ExecuteAsync(sql);
                (await change.Should().ThrowAsync<PostgresException>(sql)).Which.MessageText.Should().Contain("append-only");
            }
        }
        var truncateAll = () => ExecuteAsync("TRUNCATE audit.audit_events");
        await truncateAll.Should().ThrowAsync<PostgresException>();
        foreach (var sql in new[] { "DELETE FROM audit.chain_head", "TRUNCATE audit.chain_head" })
        {
            var change = () => ExecuteAsync(sql);
            (await change.Should().ThrowAsync<PostgresException>(sql)).Which.MessageText.Should().Contain("never deleted");
        }
        (await ScalarAsync<long>("SELECT count(*) FROM audit.audit_events")).Should().Be(before);
    }

    [Fact]
    public async Task Verification_walks_rows_across_partitions_and_names_one_altered_in_a_middle_partition()
    {
        var clock = new ManualClock(new DateTimeOffset(2033, 1, 20, 8, 0, 0, TimeSpan.Zero));
        var rows = new List<AuditEvent>();
        await using (var trail = await NewTrailAsync(clock))
        {
            foreach (var month in new[] { 1, 2, 3 })
            {
                clock.Now = new DateTimeOffset(2033, month, 20, 8, 0, 0, TimeSpan.Zero);
                rows.Add(await AppendAsync(trail, $"/Tests/Partitions/{month}"));
                rows.Add(await AppendAsync(trail, $"/Tests/Partitions/{month}/bis"));
            }
        }
        var partitions = new HashSet<string>();
        foreach (var row in rows)
        {
            partitions.Add(await PartitionOfAsync(row));
        }
        partitions.Should().HaveCount(3);
        var verifier = app.Services.GetRequiredService<AuditChain>();
        (await verifier.VerifyAsync(app.ConnectionString)).Should().BeEmpty("rows of several partitions form one chain");

        // The owner bypasses the row trigger (DISABLE on the parent reaches every partition): the seal still tells.
        var altered = rows[3];
        await ExecuteAsync($"""
            ALTER TABLE audit.audit_events DISABLE TRIGGER audit_events_append_only;
            UPDATE audit.audit_events_2033_02 SET target = '/Tests/Partitions/autre' WHERE id = {altered.Id};
            ALTER TABLE audit.audit_events ENABLE TRIGGER audit_events_append_only;
            """);

        (await verifier.VerifyAsync(app.ConnectionString)).Should().ContainSingle()
            .Which.Should().StartWith($"ligne {altered.Id} : modifiée");
    }

    private async Task<RunningTrail> NewTrailAsync(TimeProvider clock)
    {
        var trail = new AuditTrail(app.Services.GetRequiredService<IConfiguration>(), app.Services.GetRequiredService<AuditKey>(), clock);
        await trail.StartAsync(CancellationToken.None);
        return new RunningTrail(trail);
    }

    private sealed class RunningTrail(AuditTrail trail) : IAsyncDisposable
    {
        public AuditTrail Trail => trail;

        public async ValueTask DisposeAsync() => await trail.StopAsync(CancellationToken.None);
    }

    private static async Task<AuditEvent> AppendAsync(RunningTrail trail, string target)
    {
        var entry = new AuditEvent { UserName = "Test", Roles = "Physician", Action = AuditAction.Read, Target = target, Status = 200 };
        await trail.Trail.AppendAsync(entry);
        return entry;
    }

    private Task<string> PartitionOfAsync(AuditEvent row) =>
        ScalarAsync<string>($"SELECT tableoid::regclass::text FROM audit.audit_events WHERE id = {row.Id} AND hash = '{row.Hash}'");

    /// <summary>As a superuser: the triggers bind every role, the app's own is refused sooner (DatabaseRoleTests).</summary>
    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.AdminConnectionString);
        await connection.OpenAsync();
        await new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        return (T)(await new NpgsqlCommand(sql, connection).ExecuteScalarAsync())!;
    }

    private async Task<List<T>> RowsAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var reader = await new NpgsqlCommand(sql, connection).ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    /// <summary>A clock the test sets: the trail stamps its rows with it, so a row can fall in any month.</summary>
    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
