using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;

namespace UsmpCare.Web.Tests.Bench;

/// <summary>
/// Issue #22: the generator fills the tables of the unit's day and of the treatments (issues #20, #21) with rows the
/// app accepts, and the pages the benchmark measures open on them with plans that do not read the patients' history.
/// </summary>
public sealed class GeneratedDayTests(GeneratedHospital app) : IClassFixture<GeneratedHospital>
{
    [Fact]
    public async Task The_day_and_the_treatments_are_generated_and_every_foreign_key_holds()
    {
        foreach (var table in new[] { "agenda.appointments", "agenda.appointment_outcomes", "core.prison_movements",
                     "treatments.prescriptions", "treatments.administrations", "somatic.entry_visits", "followup.test_orders",
                     "followup.recalls" })
        {
            app.Report.Rows.Should().ContainKey(table);
            app.Report.Rows[table].Should().BeGreaterThan(0, "{0} is generated", table);
        }
        // The load skips the foreign-key triggers (session_replication_role = replica): the rows must be consistent by
        // construction. Every single-column foreign key of the database, checked by an anti-join.
        var broken = new List<string>();
        await using var connection = new NpgsqlConnection(app.AdminConnectionString);
        await connection.OpenAsync();
        await using (var command = new NpgsqlCommand("""
            SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text, f.attname
            FROM pg_constraint c
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            JOIN pg_attribute f ON f.attrelid = c.confrelid AND f.attnum = c.confkey[1]
            WHERE c.contype = 'f' AND array_length(c.conkey, 1) = 1
            """, connection))
        {
            var keys = new List<(string Table, string Column, string Parent, string Key)>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    keys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
                }
            }
            keys.Should().Contain(k => k.Table == "treatments.administrations", "the check must see the foreign keys");
            foreach (var (table, column, parent, key) in keys)
            {
                await using var check = new NpgsqlCommand($"""
                    SELECT count(*) FROM {table} t WHERE t."{column}" IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE p."{key}" = t."{column}")
                    """, connection);
                if ((long)(await check.ExecuteScalarAsync())! > 0)
                {
                    broken.Add($"{table}.{column}");
                }
            }
        }
        broken.Should().BeEmpty("every generated row points at a row that exists");
        // Booking refuses overlapping slots of one practitioner: the generated agenda has none either.
        (await app.WithDbAsync(db => db.Database.SqlQueryRaw<long>("""
            SELECT count(*) AS "Value" FROM agenda.appointments a JOIN agenda.appointments b
              ON a.practitioner_id = b.practitioner_id AND a.id < b.id AND a.status = 'Booked' AND b.status = 'Booked'
             AND a.start < b.start + b.duration_minutes * interval '1 minute' AND b.start < a.start + a.duration_minutes * interval '1 minute'
            """).SingleAsync())).Should().Be(0);
    }

    [Fact]
    public async Task The_benchmarked_pages_of_the_day_open_on_the_generated_data()
    {
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        (await nurse.GetAsync($"/Treatments/Round?wing={Uri.EscapeDataString("Bâtiment A")}&slot=Morning")).StatusCode.Should().Be(HttpStatusCode.OK);
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var monday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        (await physician.GetAsync($"/Agenda/Day?day={monday:yyyy-MM-dd}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await physician.GetAsync("/EntryVisits")).StatusCode.Should().Be(HttpStatusCode.OK);
        var secretary = await app.LoginAsAsync(DemoData.Account(Role.Secretary));
        (await secretary.GetAsync($"/Agenda?week={monday:yyyy-MM-dd}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var prison = await app.LoginAsAsync(DemoData.Account(Role.PrisonAdministration));
        (await prison.GetAsync($"/Ap/Movements?day={monday:yyyy-MM-dd}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>
    /// Issue #22, flat costs: the round reads the slot's records through the prescriptions due today — the unique
    /// (prescription, line, day, slot) index —, not through every dose the wing's patients were given over their stays
    /// (<c>ix_administrations_patient_id</c>), which grows with the history. The page's own command is replayed under
    /// EXPLAIN, sequential scans off so the choice is the index's, not the size of this small database's.
    /// </summary>
    [Fact]
    public async Task The_round_reads_the_slot_records_of_the_due_prescriptions_only()
    {
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        var database = new NpgsqlConnectionStringBuilder(app.ConnectionString).Database!;
        using var capture = new AdministrationsCommand(database);
        (await nurse.GetAsync($"/Treatments/Round?wing={Uri.EscapeDataString("Bâtiment A")}&slot=Morning")).StatusCode.Should().Be(HttpStatusCode.OK);
        var (text, parameters) = capture.Captured ?? throw new InvalidOperationException("the round read no administration");

        await using var connection = new NpgsqlConnection(app.AdminConnectionString);
        await connection.OpenAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync();
        }
        await using var explain = new NpgsqlCommand("EXPLAIN " + text, connection);
        explain.Parameters.AddRange(parameters.ToArray());
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }
        string.Join('\n', plan).Should().Contain("ix_administrations_prescription_id_line_index_day_slot")
            .And.NotContain("ix_administrations_patient_id");
    }

    /// <summary>Keeps the text and parameters of the first EF Core command that reads treatments.administrations.</summary>
    private sealed class AdministrationsCommand : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string _database;
        private readonly IDisposable _all;
        private readonly List<IDisposable> _subscriptions = [];

        public AdministrationsCommand(string database)
        {
            _database = database;
            _all = DiagnosticListener.AllListeners.Subscribe(this);
        }

        public (string Text, List<NpgsqlParameter> Parameters)? Captured { get; private set; }

        void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(listener.Subscribe(this));
                }
            }
        }

        void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData executed
                && executed.Command.Connection?.Database == _database
                && executed.Command.CommandText.Contains("FROM treatments.administrations", StringComparison.Ordinal))
            {
                lock (_subscriptions)
                {
                    Captured ??= (executed.Command.CommandText,
                        [.. executed.Command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone())]);
                }
            }
        }

        void IObserver<DiagnosticListener>.OnCompleted()
        {
        }

        void IObserver<DiagnosticListener>.OnError(Exception error)
        {
        }

        void IObserver<KeyValuePair<string, object?>>.OnCompleted()
        {
        }

        void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
        {
        }

        public void Dispose()
        {
            _all.Dispose();
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}
