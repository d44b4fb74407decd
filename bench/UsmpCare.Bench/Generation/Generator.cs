using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using UsmpCare.Documents;
using UsmpCare.Domain.Certificates;
using UsmpCare.Web.Auditing;

namespace UsmpCare.Bench.Generation;

public sealed record GeneratorOptions(string ConnectionString, double Scale, string? AuditKey, int Seed = 20_261_123);

/// <summary>How many rows of each table were loaded, and how long it took.</summary>
public sealed record GenerationReport(IReadOnlyDictionary<string, long> Rows, TimeSpan Elapsed)
{
    public long Total => Rows.Values.Sum();
}

/// <summary>
/// Fills a migrated, demo-seeded database with one large hospital (issue #9): 10 units, at scale 1.0 12,000 patients
/// present, 300,000 over 20 years, 10 million clinical entries, 3 million care requests, 1 million issued documents, and
/// an audit trail that verifies. Rows go in by binary COPY with the session in « replica » replication role, which
/// skips the foreign-key and append-only triggers (none fires on INSERT except the foreign keys, which we keep true by
/// construction); secondary indexes are dropped during the load and rebuilt afterwards, which is several times faster
/// than maintaining them row by row. Both need a superuser: the generator refuses to run without one.
/// </summary>
public static class Generator
{
    private const string MainUnit = "MA-VIL";
    private const string SecondUnit = "CD-STA";

    // The demo units come from seed-demo; eight more make the ten of one large hospital. MA-VIL, where the demo
    // accounts work, is the largest.
    internal static readonly (string Code, string Name, string Type, double Weight)[] UnitPlan =
    [
        (MainUnit, "", "MA", 0.22), (SecondUnit, "", "CD", 0.10),
        ("CP-MON", "USMP du centre pénitentiaire de Montval", "CP", 0.12),
        ("MA-BEL", "USMP de la maison d'arrêt de Belleville-sur-Oise", "MA", 0.10),
        ("MA-LUN", "USMP de la maison d'arrêt de Lunel-le-Vieux", "MA", 0.09),
        ("CD-ROC", "USMP du centre de détention de Rochebrune", "CD", 0.09),
        ("MC-VAL", "USMP de la maison centrale de Valmont", "MC", 0.08),
        ("CP-GAR", "USMP du centre pénitentiaire de Garenne", "CP", 0.07),
        ("MA-MER", "USMP de la maison d'arrêt de Mérville", "MA", 0.07),
        ("EPM-LAV", "USMP de l'établissement pour mineurs de Lavaur", "EPM", 0.06),
    ];

    public static async Task<GenerationReport> RunAsync(GeneratorOptions options, TextWriter log)
    {
        var total = Stopwatch.StartNew();
        var plan = Plan.For(options.Scale);
        var connectionString = new NpgsqlConnectionStringBuilder(options.ConnectionString)
        {
            CommandTimeout = 0,
            // COPY streams are long: no pooling surprises, one physical connection per stream.
            Pooling = false,
        }.ConnectionString;
        await using var main = new NpgsqlConnection(connectionString);
        await main.OpenAsync();
        if (await ScalarAsync<string>(main, "SHOW is_superuser") != "on")
        {
            throw new InvalidOperationException(
                "generate needs a superuser connection (session_replication_role = replica during the load).");
        }
        if (await ScalarAsync<long>(main, "SELECT count(*) FROM core.units") != 2)
        {
            throw new InvalidOperationException(
                "generate expects a freshly migrated and demo-seeded database (exactly the two demo units).");
        }
        log.WriteLine($"scale {options.Scale}: {plan}");

        var world = await World.LoadAsync(main, options, plan);
        await world.LoadDayTemplatesAsync(main);
        var rows = new Dictionary<string, long>();
        await world.EnsureAuditPartitionsAsync(main);
        var indexes = await DropSecondaryIndexesAsync(main, LoadedTables);
        try
        {
            var watch = Stopwatch.StartNew();
            rows["core.units"] = await world.InsertUnitsAsync(main);
            rows["auth.users + agenda.rooms"] = await world.InsertStaffAndRoomsAsync(main);
            rows["core.patients"] = await CopyAsync(connectionString, world.WritePatients);
            rows["core.medical_records"] = await CopyAsync(connectionString, world.WriteMedicalRecords);
            log.WriteLine($"  patients: {rows["core.patients"]:N0} in {watch.Elapsed.TotalSeconds:0.0} s");

            // Two streams keep both cores busy: the server parses one while the generator feeds the other.
            var somatic = Task.Run(async () =>
            {
                var count = await CopyAsync(connectionString, w => world.WriteEntries(w, psychiatric: false));
                log.WriteLine($"  somatic entries: {count:N0} at {watch.Elapsed.TotalSeconds:0.0} s");
                var audit = await CopyAsync(connectionString, world.WriteAudit);
                log.WriteLine($"  audit rows: {audit:N0} at {watch.Elapsed.TotalSeconds:0.0} s");
                return (count, audit);
            });
            var others = Task.Run(async () =>
            {
                var result = new Dictionary<string, long>
                {
                    ["psychiatric.entries"] = await CopyAsync(connectionString, w => world.WriteEntries(w, psychiatric: true)),
                };
                log.WriteLine($"  psychiatric entries: {result["psychiatric.entries"]:N0} at {watch.Elapsed.TotalSeconds:0.0} s");
                (result["care.care_requests"], result["care.care_request_events"], result["care.collection_rounds"]) =
                    await world.WriteCareRequestsAsync(connectionString);
                log.WriteLine($"  care requests: {result["care.care_requests"]:N0} at {watch.Elapsed.TotalSeconds:0.0} s");
                result["consent.consent_entries"] = await CopyAsync(connectionString, world.WriteConsents);
                (result["documents.issued_documents"], result["consent.disclosures"]) =
                    await world.WriteDocumentsAsync(connectionString);
                log.WriteLine($"  documents: {result["documents.issued_documents"]:N0} at {watch.Elapsed.TotalSeconds:0.0} s");
                return result;
            });
            // The unit's day and its treatments (issues #20, #21): a third stream, small next to the other two.
            var day = Task.Run(async () =>
            {
                var result = new Dictionary<string, long>
                {
                    ["core.prison_movements"] = await CopyAsync(connectionString, world.WriteMovements),
                };
                await using (var a = await OpenLoaderAsync(connectionString))
                await using (var b = await OpenLoaderAsync(connectionString))
                {
                    (result["agenda.appointments"], result["agenda.appointment_outcomes"]) = await Task.Run(() => world.WriteAgenda(a, b));
                }
                log.WriteLine($"  appointments: {result["agenda.appointments"]:N0} at {watch.Elapsed.TotalSeconds:0.0} s");
                await using (var a = await OpenLoaderAsync(connectionString))
                await using (var b = await OpenLoaderAsync(connectionString))
                await using (var c = await OpenLoaderAsync(connectionString))
                {
                    (result["treatments.prescriptions"], result["treatments.administrations"], result["treatments.tso_confirmations"],
                        result["treatments.pill_boxes"]) = await Task.Run(() => world.WriteTreatments(a, b, c));
                }
                log.WriteLine($"  prescriptions: {result["treatments.prescriptions"]:N0}, administrations: " +
                              $"{result["treatments.administrations"]:N0} at {watch.Elapsed.TotalSeconds:0.0} s");
                await using (var a = await OpenLoaderAsync(connectionString))
                await using (var b = await OpenLoaderAsync(connectionString))
                await using (var c = await OpenLoaderAsync(connectionString))
                await using (var d = await OpenLoaderAsync(connectionString))
                await using (var e = await OpenLoaderAsync(connectionString))
                {
                    (result["somatic.entry_visits"], result["followup.test_orders"], result["followup.test_results"],
                        result["followup.result_acknowledgements"], result["followup.recalls"]) = await Task.Run(() => world.WriteEntryVisits(a, b, c, d, e));
                }
                log.WriteLine($"  entry visits: {result["somatic.entry_visits"]:N0} at {watch.Elapsed.TotalSeconds:0.0} s");
                return result;
            });
            var (somaticCount, auditCount) = await somatic;
            rows["somatic.entries"] = somaticCount;
            rows["audit.audit_events"] = auditCount;
            foreach (var (table, count) in (await others).Concat(await day))
            {
                rows[table] = count;
            }
            log.WriteLine($"  loaded {rows.Values.Sum():N0} rows in {watch.Elapsed.TotalSeconds:0.0} s " +
                          $"({rows.Values.Sum() / watch.Elapsed.TotalSeconds:N0} rows/s)");
        }
        finally
        {
            var watch = Stopwatch.StartNew();
            await RecreateIndexesAsync(connectionString, indexes);
            log.WriteLine($"  {indexes.Count} indexes rebuilt in {watch.Elapsed.TotalSeconds:0.0} s");
        }
        var analyze = Stopwatch.StartNew();
        // Documents issued later by the app take numbers after the generated ones.
        await ExecuteAsync(main, $"SELECT setval('documents.document_number_seq', {Math.Max(1, world.LastDocumentNumber)})");
        // VACUUM as well as ANALYZE: a running database's autovacuum keeps the visibility map current, which index-only
        // scans (the dashboard's covering indexes) rely on; a freshly loaded one has none yet.
        await ExecuteAsync(main, "VACUUM (ANALYZE)");
        log.WriteLine($"  VACUUM (ANALYZE) in {analyze.Elapsed.TotalSeconds:0.0} s");
        return new GenerationReport(rows, total.Elapsed);
    }

    /// <summary>The tables the generator loads; their secondary indexes are rebuilt after the load.</summary>
    private static readonly string[] LoadedTables =
    [
        "core.patients", "somatic.entries", "psychiatric.entries", "care.collection_rounds", "care.care_requests",
        "care.care_request_events", "consent.consent_entries", "consent.disclosures", "documents.issued_documents",
        "audit.audit_events", "core.prison_movements", "agenda.appointments", "agenda.appointment_outcomes",
        "treatments.prescriptions", "treatments.administrations", "treatments.tso_confirmations", "treatments.pill_boxes",
        "somatic.entry_visits", "followup.test_orders", "followup.test_results", "followup.result_acknowledgements",
        "followup.recalls",
    ];

    private static async Task<List<string>> DropSecondaryIndexesAsync(NpgsqlConnection connection, string[] tables)
    {
        // Indexes that back a constraint (primary keys) stay: foreign keys point at them. On a partitioned table
        // (audit.audit_events) the index is the parent's: dropping it drops its partitions' indexes, and it is sized
        // by the sum of its partitions, which the parent's own size (zero) would hide.
        var definitions = new List<(string Name, string Definition)>();
        await using (var command = new NpgsqlCommand("""
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            WHERE i.indrelid = ANY (@tables::regclass[])
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            ORDER BY greatest(pg_relation_size(i.indrelid),
                (SELECT coalesce(sum(pg_relation_size(t.relid)), 0) FROM pg_partition_tree(i.indrelid) t)) DESC
            """, connection))
        {
            command.Parameters.AddWithValue("tables", tables);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                // A partitioned index reads « ON ONLY parent »: rebuilt as is, it would cover no partition and stay
                // invalid. Without ONLY it is built on every partition.
                definitions.Add((reader.GetString(0), reader.GetString(1).Replace(" ON ONLY ", " ON ", StringComparison.Ordinal)));
            }
        }
        foreach (var (name, _) in definitions)
        {
            await ExecuteAsync(connection, $"DROP INDEX {name}");
        }
        return [.. definitions.Select(d => d.Definition)];
    }

    private static async Task RecreateIndexesAsync(string connectionString, List<string> definitions)
    {
        // Two builders, one per core; the queue hands the next index to whichever is free.
        var queue = new System.Collections.Concurrent.ConcurrentQueue<string>(definitions);
        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await ExecuteAsync(connection, "SET maintenance_work_mem = '512MB'");
            while (queue.TryDequeue(out var definition))
            {
                await ExecuteAsync(connection, definition);
            }
        }));
    }

    /// <summary>Opens a replica-role session and runs one writer, which owns its COPY streams.</summary>
    private static async Task<long> CopyAsync(string connectionString, Func<NpgsqlConnection, long> write)
    {
        await using var connection = await OpenLoaderAsync(connectionString);
        return await Task.Run(() => write(connection));
    }

    internal static async Task<NpgsqlConnection> OpenLoaderAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // Skips the foreign-key triggers during the load (rows are consistent by construction); the append-only and
        // immutability triggers fire on UPDATE/DELETE/TRUNCATE only, so they are not concerned.
        // lz4 instead of pglz for the PDFs: pglz spends seconds failing to compress already-deflated PDF streams.
        await ExecuteAsync(connection, "SET session_replication_role = replica; SET synchronous_commit = off; SET default_toast_compression = lz4");
        return connection;
    }

    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        // No time limit: index builds and VACUUM over millions of rows are what this generator is for.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    internal static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Row counts at a scale; the smallest scales keep a few rows of everything.</summary>
    internal sealed record Plan(int Patients, int Present, long Entries, long CareRequests, long Documents, long Audit, int Heavy)
    {
        public static Plan For(double scale) => new(
            Patients: Math.Max(200, (int)(300_000 * scale)),
            Present: Math.Max(60, (int)(12_000 * scale)),
            Entries: Math.Max(2_000, (long)(10_000_000 * scale)),
            CareRequests: Math.Max(600, (long)(3_000_000 * scale)),
            Documents: Math.Max(100, (long)(1_000_000 * scale)),
            // One audit row for every two entries written, plus the documents' reads: a proportion of what a
            // deployment writes (every read of a chart is a row too), enough to weigh on the chain and its indexes.
            Audit: Math.Max(1_000, (long)(6_000_000 * scale)),
            Heavy: Math.Max(2, (int)Math.Round(20 * scale)));

        public override string ToString() =>
            $"{Patients:N0} patients ({Present:N0} present), {Entries:N0} entries, {CareRequests:N0} care requests, " +
            $"{Documents:N0} documents, {Audit:N0} audit rows, {Heavy} heavy patients";
    }

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    internal static StringBuilder Json(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                _ => builder.Append(c),
            };
        }
        return builder.Append('"');
    }

    internal static byte[] RenderPdf(Unit unit, string patient, DocumentTemplate template, string author, DateTime at) =>
        PdfRenderer.Render(new Letter(
            new Letterhead(unit.Name, "Centre hospitalier de Villeneuve", unit.Address, unit.Phone),
            template.Title, [template.RecipientLine], "Le " + at.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR")),
            patient,
            [
                LetterBlock.Paragraph($"Je soussigné(e), {author}, certifie avoir examiné le {at:dd/MM/yyyy} {patient}."),
                LetterBlock.Heading("Constatations"),
                LetterBlock.Paragraph("Examen clinique réalisé avec l'accord du patient ; constatations consignées au dossier."),
                LetterBlock.Paragraph("Certificat établi à la demande de l'intéressé(e) et remis en main propre pour servir et valoir ce que de droit."),
            ],
            [author, unit.Name]));

    internal sealed record Unit(Guid Id, string Code, string Name, string Type, double Weight, string Phone, string Address,
        bool Exists, Staff[] Physicians, Staff[] Psychiatrists, Staff[] Nurses);

    internal sealed record Staff(Guid Id, string Name, string Role);

    internal static AuditEvent Sealed(AuditEvent row, byte[] key)
    {
        row.Hash = AuditKey.Seal(key, row);
        return row;
    }

    internal static void Write(NpgsqlBinaryImporter w, string? value, NpgsqlDbType type = NpgsqlDbType.Text)
    {
        if (value is null)
        {
            w.WriteNull();
        }
        else
        {
            w.Write(value, type);
        }
    }

    internal static void Write(NpgsqlBinaryImporter w, Guid? value)
    {
        if (value is null)
        {
            w.WriteNull();
        }
        else
        {
            w.Write(value.Value, NpgsqlDbType.Uuid);
        }
    }

    internal static void Write(NpgsqlBinaryImporter w, DateTime? value)
    {
        if (value is null)
        {
            w.WriteNull();
        }
        else
        {
            w.Write(value.Value, NpgsqlDbType.TimestampTz);
        }
    }
}
