using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using Npgsql;
using UsmpCare.Web.Auditing;
using UsmpCare.Web.Data;

namespace UsmpCare.Bench.Pages;

public sealed record BenchmarkOptions(string ConnectionString, int Clients, int Seconds, int WarmupSeconds, string AppDll,
    int Port, string? AuditKey, bool TwoInstances, IReadOnlySet<string>? Only, int LatencySeconds)
{
    public static BenchmarkOptions From(Dictionary<string, string> options) => new(
        Cli.Required(options, "connection"),
        int.Parse(options.GetValueOrDefault("clients", "8"), CultureInfo.InvariantCulture),
        int.Parse(options.GetValueOrDefault("seconds", "20"), CultureInfo.InvariantCulture),
        int.Parse(options.GetValueOrDefault("warmup", "3"), CultureInfo.InvariantCulture),
        options.GetValueOrDefault("app") ?? DefaultAppDll(),
        int.Parse(options.GetValueOrDefault("port", "5090"), CultureInfo.InvariantCulture),
        options.GetValueOrDefault("audit-key") ?? Environment.GetEnvironmentVariable("Audit__Key"),
        options.GetValueOrDefault("two-instances", "true") != "false",
        options.TryGetValue("only", out var only) ? only.Split(',').ToHashSet(StringComparer.Ordinal) : null,
        int.Parse(options.GetValueOrDefault("latency-seconds", "10"), CultureInfo.InvariantCulture));

    /// <summary>The app's Release build in the checkout this bench runs from.</summary>
    private static string DefaultAppDll()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "UsmpCare.sln")))
            {
                return Path.Combine(dir.FullName, "src/UsmpCare.Web/bin/Release/net10.0/UsmpCare.Web.dll");
            }
        }
        throw new InvalidOperationException("run from the checkout, or give --app path/to/UsmpCare.Web.dll");
    }
}

/// <summary>
/// The page benchmark of issue #9: the app in Release as a child process over the generated database, real demo users
/// signed in through the login form, N clients in a closed loop per page for a fixed time; then, in the same run, the
/// SQL each page needs replayed directly with the same concurrency; then a mixed load for throughput, peak memory, and
/// two instances on one database.
/// </summary>
public static class PageBenchmark
{
    private sealed record Scenario(string Name, string Account, Func<Client, Task<HttpResponseMessage>> Request,
        HttpStatusCode Expected, SqlStatement[]? Sql, Func<Targets, Guid> SqlPatient, bool Audited = true);

    /// <summary>The ids the scenarios use, chosen from the generated data.</summary>
    private sealed record Targets(Guid Unit, Guid Heavy, long HeavyEntries, Guid Typical, long TypicalEntries, Guid Writer,
        Guid SourceEntry, string EcrouPrefix, string Name, bool HeavyShared = false, bool TypicalShared = false)
    {
        /// <summary>The wing of the unit with the most patients present: the round list of issue #20.</summary>
        public string Wing { get; init; } = "";

        /// <summary>The next working day (today unless Sunday): the day list, the agenda and the movement list.</summary>
        public DateOnly Day { get; init; }

        public Guid[] WingPatients { get; init; } = [];
        public Guid[] NotSeen { get; init; } = [];
        public Guid[] DuePrescriptions { get; init; } = [];
    }

    /// <summary>
    /// Each account signs in once per run (a TOTP code is accepted once) and the run now lasts more than the 10 minutes
    /// after which issuing a document asks for the password again (ASVS V3.7.1, <c>RecentAuthentication</c>): on
    /// 2026-12-06 the physician's session was 10 minutes old when the certificate was measured and 434 issues were
    /// answered by the re-authentication form. The benchmark measures the issue, not the re-authentication: the window
    /// is widened for the benchmark's app only.
    /// </summary>
    private static readonly Dictionary<string, string> AppSettings = new() { ["Security__ReauthMinutes"] = "120" };

    public static async Task<int> RunAsync(BenchmarkOptions options, TextWriter log)
    {
        var connectionString = Database.WithSessionSettings(options.ConnectionString);
        var targets = await ChooseTargetsAsync(connectionString);
        log.WriteLine($"targets: heavy patient {targets.HeavyEntries:N0} somatic entries (both records read: {targets.HeavyShared}), " +
                      $"typical {targets.TypicalEntries:N0} (both: {targets.TypicalShared}); " +
                      $"search « {targets.EcrouPrefix} » and « {targets.Name} »; {options.Clients} clients, {options.Seconds} s per page");
        await using var appA = await AppProcess.StartAsync(options.AppDll, options.ConnectionString, options.Port, options.AuditKey, AppSettings);
        log.WriteLine($"app started: first 200 on /health/ready {appA.TimeToReady.TotalMilliseconds:N0} ms after the process start");

        var users = await UserIdsAsync(connectionString);
        var physicianId = users["medecin@demo.usmp.fr"].User;
        var scenarios = new List<Scenario>
        {
            new("search: écrou prefix", "infirmier.soma@demo.usmp.fr",
                c => c.Http.GetAsync($"{c.Base}/Patients?q={targets.EcrouPrefix}"), HttpStatusCode.OK, PageSql.SearchEcrou, _ => Guid.Empty),
            new("search: partial accented name", "secretariat@demo.usmp.fr",
                c => c.Http.GetAsync($"{c.Base}/Patients?q={Uri.EscapeDataString(targets.Name)}"), HttpStatusCode.OK, PageSql.SearchName, _ => Guid.Empty),
            new("chart: typical patient", "medecin@demo.usmp.fr",
                c => c.Http.GetAsync($"{c.Base}/Patients/Chart/{targets.Typical}"), HttpStatusCode.OK, PageSql.Chart(targets.TypicalShared), t => t.Typical),
            new("chart: heavy patient", "medecin@demo.usmp.fr",
                c => c.Http.GetAsync($"{c.Base}/Patients/Chart/{targets.Heavy}"), HttpStatusCode.OK, PageSql.Chart(targets.HeavyShared), t => t.Heavy),
            new("care-request queue (largest unit)", "infirmier.soma@demo.usmp.fr",
                c => c.Http.GetAsync($"{c.Base}/CareRequests"), HttpStatusCode.OK, PageSql.Queue, _ => Guid.Empty),
            new("dashboard", "coordonnateur@demo.usmp.fr",
                c => c.Http.GetAsync($"{c.Base}/Dashboard"), HttpStatusCode.OK, PageSql.Dashboard, _ => Guid.Empty),
            // Issues #20 and #21: the nurse's round list of the largest wing, the physician's day list, the agenda's week of
            // the demo physician seen by the secretariat, the prison's movement list, the entry visits due.
            new("round list (largest wing, morning)", "infirmier.soma@demo.usmp.fr",
                c => c.Http.GetAsync($"{c.Base}/Treatments/Round?wing={Uri.EscapeDataString(targets.Wing)}&slot=Morning"), HttpStatusCode.OK,
                PageSql.Round, _ => Guid.Empty),
            new("day list (physician)", "medecin@demo.usmp.fr",
                c => c.Http.GetAsync($"{c.Base}/Agenda/Day?day={targets.Day:yyyy-MM-dd}"), HttpStatusCode.OK, PageSql.DayList, _ => Guid.Empty),
            new("agenda week (secretariat)", "secretariat@demo.usmp.fr",
                c => c.Http.GetAsync($"{c.Base}/Agenda?practitionerId={physicianId}&week={targets.Day:yyyy-MM-dd}"), HttpStatusCode.OK,
                PageSql.AgendaWeek, _ => Guid.Empty),
            new("movement list (prison)", "ap@demo.usmp.fr",
                c => c.Http.GetAsync($"{c.Base}/Ap/Movements?day={targets.Day:yyyy-MM-dd}"), HttpStatusCode.OK, PageSql.Movements, _ => Guid.Empty),
            new("entry visits due (physician)", "medecin@demo.usmp.fr",
                c => c.Http.GetAsync($"{c.Base}/EntryVisits"), HttpStatusCode.OK, PageSql.EntryVisits, _ => Guid.Empty),
            new("consultation draft save (POST)", "medecin@demo.usmp.fr",
                c => c.PostAsync("/Records/Consultation?handler=Save", $"/Records/Consultation?patientId={targets.Writer}", new()
                {
                    ["Input.PatientId"] = targets.Writer.ToString(), ["Input.Version"] = "0", ["Input.Type"] = "Consultation",
                    ["Input.OccurredAt"] = DateTime.Now.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
                    ["Input.Consent"] = "Given", ["Input.GuardPresent"] = "false",
                    ["Input.Note"] = "Douleurs lombaires depuis une semaine, sans irradiation.", ["Input.Findings"] = "Examen normal.",
                }), HttpStatusCode.Redirect, null, _ => Guid.Empty),
            new("certificate PDF issue (POST)", "medecin@demo.usmp.fr",
                c => c.PostAsync($"/Documents/New/{targets.Writer}?handler=Issue", $"/Documents/New/{targets.Writer}?kind=InjuryCertificate", new()
                {
                    ["Input.Kind"] = "InjuryCertificate", ["Input.SourceEntryId"] = targets.SourceEntry.ToString(), ["Input.IttDays"] = "3",
                }), HttpStatusCode.Redirect, null, _ => Guid.Empty),
        };
        var results = new List<string>();
        var summary = new List<(string Name, Stats Page, Stats? Sql)>();
        var trail = await AuditTrailForAsync(options);
        foreach (var scenario in scenarios.Where(s => options.Only is null || options.Only.Any(o => s.Name.StartsWith(o, StringComparison.Ordinal))))
        {
            var clients = await Client.SignInAsync(appA.BaseUrl, scenario.Account, options.Clients);
            async Task Visit(Client c)
            {
                using var response = await scenario.Request(c);
                await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode != scenario.Expected)
                {
                    throw new InvalidOperationException($"{scenario.Name}: {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
            // Response time of one user alone (the latency targets), then the same page under N concurrent clients.
            var alone = await LoadAsync(options with { Seconds = options.LatencySeconds }, clients.Take(1).ToList(), Visit);
            log.WriteLine(Line(scenario.Name + ", 1 client", alone, null));
            var page = await LoadAsync(options, clients, Visit);
            Stats? sql = null;
            if (scenario.Sql is { } statements)
            {
                var (userId, roleId, roleName) = users[scenario.Account];
                var term = scenario.Name.Contains("écrou", StringComparison.Ordinal) ? targets.EcrouPrefix : targets.Name;
                var context = new SqlContext(userId, roleId, roleName, targets.Unit, scenario.SqlPatient(targets), term,
                    UsmpCare.Web.Patients.PatientSearch.Normalize(term), DateTime.UtcNow)
                {
                    Wing = targets.Wing, Day = targets.Day, PractitionerId = physicianId, WingPatients = targets.WingPatients,
                    NotSeen = targets.NotSeen, DuePrescriptions = targets.DuePrescriptions,
                };
                await using var dataSource = NpgsqlDataSource.Create(connectionString);
                sql = await LoadAsync(options, Enumerable.Range(0, options.Clients).ToList(), async _ =>
                {
                    await using var connection = await dataSource.OpenConnectionAsync();
                    foreach (var statement in statements)
                    {
                        await using var command = new NpgsqlCommand(statement.Sql, connection);
                        statement.Bind(command.Parameters, context);
                        await using var reader = await command.ExecuteReaderAsync();
                        while (await reader.ReadAsync())
                        {
                            // Read every row, as the page does.
                        }
                    }
                    // The audit row the page appends, through the app's own AuditTrail (lock, last hash, insert).
                    await trail.AppendAsync(new AuditEvent
                    {
                        UserId = userId, UserName = "bench", Roles = roleName, Action = AuditAction.Read, Target = "/bench/sql",
                        Status = 200, UnitId = targets.Unit,
                    });
                });
            }
            summary.Add((scenario.Name, page, sql));
            log.WriteLine(Line($"{scenario.Name}, {options.Clients} clients", page, sql));
        }
        if (options.Only is not null)
        {
            return 0; // --only measures those pages and nothing else.
        }

        // The audit trail's own cost: AuditTrail.AppendAsync alone, same concurrency.
        var audit = await LoadAsync(options, Enumerable.Range(0, options.Clients).ToList(), _ => trail.AppendAsync(new AuditEvent
        {
            UserName = "bench", Roles = "Physician", Action = AuditAction.Read, Target = "/bench/audit", Status = 200, UnitId = targets.Unit,
        }));
        log.WriteLine(Line("audit append alone (AuditTrail.AppendAsync)", audit, null));

        // The other fixed cost of every signed-in request: the sign-in cookie checked against the account (SessionCheck).
        var (stampUser, stampRole, stampRoleName) = users["medecin@demo.usmp.fr"];
        var stampContext = new SqlContext(stampUser, stampRole, stampRoleName, targets.Unit, Guid.Empty, "", "", DateTime.UtcNow);
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            var stamp = await LoadAsync(options, Enumerable.Range(0, options.Clients).ToList(), async _ =>
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                foreach (var statement in PageSql.SignedIn)
                {
                    await using var command = new NpgsqlCommand(statement.Sql, connection);
                    statement.Bind(command.Parameters, stampContext);
                    await using var reader = await command.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                        // Read every row.
                    }
                }
            });
            log.WriteLine(Line("session check SQL alone (1 query)", stamp, null));
        }

        // Mixed read load across roles: the page views per second one instance serves with auditing on.
        var mixed = await MixedAsync(options, [appA.BaseUrl], scenarios.Take(11).ToList());
        log.WriteLine(Line("mixed reads, one instance", mixed, null));
        log.WriteLine($"app peak RSS (VmHWM) after the load: {appA.PeakRssMiB():N0} MiB");

        if (options.TwoInstances)
        {
            await using var appB = await AppProcess.StartAsync(options.AppDll, options.ConnectionString, options.Port + 1, options.AuditKey, AppSettings);
            log.WriteLine($"second instance ready in {appB.TimeToReady.TotalMilliseconds:N0} ms");
            // A cookie issued by A must open B: data-protection keys are shared through the database.
            var one = (await Client.SignInAsync(appA.BaseUrl, "medecin@demo.usmp.fr", 1))[0];
            using var onB = await one.Http.GetAsync($"{appB.BaseUrl}/Patients");
            log.WriteLine($"cookie from instance A on instance B: {(int)onB.StatusCode} {(onB.StatusCode == HttpStatusCode.OK ? "(shared sign-in works)" : "(NOT shared)")}");
            var two = await MixedAsync(options, [appA.BaseUrl, appB.BaseUrl], scenarios.Take(11).ToList());
            log.WriteLine(Line("mixed reads, two instances round-robin", two, null));
        }
        return 0;
    }

    private static async Task<AuditTrail> AuditTrailForAsync(BenchmarkOptions options)
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:Default"] = options.ConnectionString,
                ["Audit:Key"] = options.AuditKey,
            }).Build();
        var environment = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Development" };
        // The writer is a hosted service in the app; here it is started by hand, and its rows are awaited one by one.
        var trail = new AuditTrail(configuration, new AuditKey(configuration, environment), TimeProvider.System);
        await trail.StartAsync(CancellationToken.None);
        return trail;
    }

    private static async Task<Stats> MixedAsync(BenchmarkOptions options, string[] bases, List<Scenario> reads)
    {
        // Each client is one user on one page (roles differ per page), its requests spread over the instances.
        var workers = new List<(Client Client, Scenario Scenario)>();
        for (var i = 0; i < options.Clients; i++)
        {
            var scenario = reads[i % reads.Count];
            workers.Add(((await Client.SignInAsync(bases[0], scenario.Account, 1))[0], scenario));
        }
        var turn = 0;
        return await LoadAsync(options, workers, async w =>
        {
            // Round-robin over the instances with the same cookie: the data-protection keys are shared.
            var client = w.Client with { Base = bases[Interlocked.Increment(ref turn) % bases.Length] };
            using var response = await w.Scenario.Request(client);
            await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != w.Scenario.Expected)
            {
                throw new InvalidOperationException($"mixed {w.Scenario.Name}: {(int)response.StatusCode}");
            }
        });
    }

    private static string Line(string name, Stats page, Stats? sql) =>
        $"{name,-42} {page}" + (sql is null ? "" : $" | SQL {sql} | page/SQL p50 {page.P50 / sql.P50:0.0}");

    internal sealed record Stats(int Count, int Errors, double Seconds, double P50, double P95, double P99)
    {
        public double PerSecond => Count / Seconds;

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"n={Count} err={Errors} p50 {P50:0.0} p95 {P95:0.0} p99 {P99:0.0} ms, {PerSecond:0} /s");
    }

    /// <summary>Each worker runs its action in a closed loop: warm-up, then <c>Seconds</c> of timed runs.</summary>
    private static async Task<Stats> LoadAsync<T>(BenchmarkOptions options, IReadOnlyList<T> workers, Func<T, Task> action)
    {
        var warmUntil = Stopwatch.StartNew();
        var timings = new List<double>[workers.Count];
        var errors = 0;
        var firstError = "";
        var measuring = false;
        var clock = new Stopwatch();
        var stop = false;
        var tasks = workers.Select(async (worker, i) =>
        {
            timings[i] = [];
            while (!Volatile.Read(ref stop))
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    await action(worker);
                    if (Volatile.Read(ref measuring))
                    {
                        timings[i].Add(watch.Elapsed.TotalMilliseconds);
                    }
                }
                catch (Exception e) when (e is InvalidOperationException or HttpRequestException or NpgsqlException or TaskCanceledException)
                {
                    if (Interlocked.Increment(ref errors) == 1)
                    {
                        firstError = e.Message;
                    }
                    await Task.Delay(50);
                }
            }
        }).ToList();
        await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds));
        errors = 0;
        clock.Start();
        Volatile.Write(ref measuring, true);
        await Task.Delay(TimeSpan.FromSeconds(options.Seconds));
        Volatile.Write(ref measuring, false);
        var seconds = clock.Elapsed.TotalSeconds;
        Volatile.Write(ref stop, true);
        await Task.WhenAll(tasks);
        if (errors > 0)
        {
            Console.Error.WriteLine($"  {errors} errors, first: {firstError}");
        }
        var all = timings.SelectMany(t => t).ToArray();
        Array.Sort(all);
        double P(double q) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
        return new Stats(all.Length, errors, seconds, P(0.50), P(0.95), P(0.99));
    }

    private static async Task<Dictionary<string, (Guid User, Guid Role, string RoleName)>> UserIdsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT u.email, u.id, r.id, r.name FROM auth.users u
            JOIN auth.user_roles ur ON ur.user_id = u.id JOIN auth.roles r ON r.id = ur.role_id WHERE u.email IS NOT NULL
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var users = new Dictionary<string, (Guid, Guid, string)>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            users[reader.GetString(0)] = (reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3));
        }
        return users;
    }

    private static async Task<Targets> ChooseTargetsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        async Task<(Guid, long)> PatientAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return (reader.GetGuid(0), reader.GetInt64(1));
        }
        var unit = await Generation.Generator.ScalarAsync<Guid>(connection, "SELECT id FROM core.units WHERE code = 'MA-VIL'");
        // The heaviest chart of the unit, and a patient with the median number of entries among the generated ones
        // present (six-digit écrous; the demo's own patients have five).
        var (heavy, heavyEntries) = await PatientAsync($"""
            SELECT e.patient_id, count(*) FROM somatic.entries e WHERE e.unit_id = '{unit}'
            GROUP BY e.patient_id ORDER BY count(*) DESC LIMIT 1
            """);
        const string present = """
            WITH c AS (SELECT p.id, p.ecrou, (SELECT count(*) FROM somatic.entries e WHERE e.patient_id = p.id) AS n
                       FROM core.patients p WHERE p.unit_id = '{0}' AND p.status = 'Present' AND length(p.ecrou) = 6)
            SELECT id, n FROM c ORDER BY n, id OFFSET (SELECT count(*) * {1} / 100 FROM c) LIMIT 1
            """;
        var (typical, typicalEntries) = await PatientAsync(string.Format(CultureInfo.InvariantCulture, present, unit, 50));
        var (writer, _) = await PatientAsync(string.Format(CultureInfo.InvariantCulture, present, unit, 60));
        var source = await Generation.Generator.ScalarAsync<Guid>(connection, $"""
            SELECT id FROM somatic.entries WHERE patient_id = '{writer}' AND kind = 'Consultation' AND status = 'Signed'
              AND findings IS NOT NULL ORDER BY occurred_at DESC LIMIT 1
            """);
        var ecrou = await Generation.Generator.ScalarAsync<string>(connection, $"SELECT ecrou FROM core.patients WHERE id = '{typical}'");
        // P30: the physician reads the psychiatric record too where the patient's latest word on sharing is « agreed ».
        async Task<bool> SharedAsync(Guid patient) => await Generation.Generator.ScalarAsync<bool>(connection, $"""
            SELECT coalesce((SELECT decision = 'Agreed' FROM consent.consent_entries WHERE patient_id = '{patient}'
              AND topic = 'TeamSharing' ORDER BY recorded_at DESC LIMIT 1), false)
            """);
        var wing = await Generation.Generator.ScalarAsync<string>(connection, $"""
            SELECT wing FROM core.patients WHERE unit_id = '{unit}' AND status = 'Present' AND wing IS NOT NULL
            GROUP BY wing ORDER BY count(*) DESC, wing LIMIT 1
            """);
        async Task<Guid[]> IdsAsync(string sql)
        {
            var ids = new List<Guid>();
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetGuid(0));
            }
            return [.. ids];
        }
        // The ids the round and the entry-visit list pass on to their next statement, as the pages compute them.
        var wingPatients = await IdsAsync($"SELECT id FROM core.patients WHERE unit_id = '{unit}' AND status = 'Present' AND wing = '{wing.Replace("'", "''", StringComparison.Ordinal)}'");
        var notSeen = await IdsAsync($"""
            SELECT p.id FROM core.patients p WHERE p.unit_id = '{unit}' AND p.status = 'Present' AND coalesce((
              SELECT max(e.occurred_at) FROM somatic.entries e WHERE e.status = 'Signed' AND e.patient_id = p.id
                AND e.kind = 'Consultation' AND e.consultation_type = 'Arrival') < (p.arrival_date::timestamp AT TIME ZONE 'Europe/Paris'), true)
            """);
        var today = UsmpCare.Web.Infrastructure.Fr.Today(TimeProvider.System);
        // Lines in force today, taken at the morning round (Times has Morning), supervised or daily (DistributionRound.Due).
        var duePrescriptions = await IdsAsync($"""
            SELECT DISTINCT p.id FROM treatments.prescriptions p, jsonb_array_elements(p.lines) l
            WHERE p.patient_id IN (SELECT id FROM core.patients WHERE unit_id = '{unit}' AND status = 'Present'
                AND wing = '{wing.Replace("'", "''", StringComparison.Ordinal)}')
              AND p.status = 'Signed' AND (l->>'Start')::date <= '{today:yyyy-MM-dd}' AND (l->>'End')::date >= '{today:yyyy-MM-dd}'
              AND (l->>'Mode')::int IN (0, 1) AND ((l->>'Times')::int & 1) = 1
            """);
        return new Targets(unit, heavy, heavyEntries, typical, typicalEntries, writer, source, ecrou[..Math.Min(4, ecrou.Length)], "Lefèv",
            await SharedAsync(heavy), await SharedAsync(typical))
        {
            Wing = wing,
            Day = today.DayOfWeek == DayOfWeek.Sunday ? today.AddDays(1) : today,
            WingPatients = wingPatients,
            NotSeen = notSeen,
            DuePrescriptions = duePrescriptions,
        };
    }
}
