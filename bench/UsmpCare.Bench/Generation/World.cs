using System.Text;
using Npgsql;
using NpgsqlTypes;
using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Web.Auditing;
using static UsmpCare.Bench.Generation.Generator;

namespace UsmpCare.Bench.Generation;

/// <summary>
/// The generated hospital: its units and staff, and every patient with his stay and his share of the activity. Each
/// table's writer walks the patients again with a random generator seeded from the patient's index, so the streams
/// are independent (they run on different connections at once) and the data is the same from one run to the next.
/// </summary>
internal sealed partial class World
{
    private const int StaffSalt = 17, EntrySalt = 101, PsySalt = 211, RequestSalt = 307, ConsentSalt = 401, DocSalt = 503, VisitSalt = 601;

    private readonly GeneratorOptions _options;
    private readonly Plan _plan;
    private readonly DateTime _now = Truncate(DateTime.UtcNow);
    private readonly DateTime _start;
    private readonly List<Unit> _units = [];
    private readonly Patient[] _patients;
    private readonly byte[] _auditKey;
    private long _auditLastId;
    private string _auditLastHash = "";

    private World(GeneratorOptions options, Plan plan)
    {
        _options = options;
        _plan = plan;
        _start = _now.AddYears(-20);
        _patients = new Patient[plan.Patients];
        _auditKey = AuditKey.KeyBytes(options.AuditKey);
    }

    public long LastDocumentNumber { get; private set; }

    private sealed record Patient(int Index, Guid Id, Unit Unit, string Ecrou, string LastName, string FirstName,
        DateOnly BirthDate, bool Female, string Wing, string Cell, DateTime Arrival, DateTime End, bool Present, bool Heavy,
        bool Psychiatric, long Entries, long Requests, long Documents)
    {
        /// <summary>The somatic arrival consultation (the first somatic entry), which an entry visit cites; issue #21.</summary>
        public Guid ArrivalEntryId { get; init; }
        public DateTime ArrivalVisitAt { get; init; }

        /// <summary>Arrived in the last days and not seen yet: his first entry is no arrival visit (the list of visits due).</summary>
        public bool AwaitingVisit { get; init; }

        public long SomaticEntries => Entries - (Psychiatric ? (long)Math.Round(Entries * 0.4) : 0);

        public string Display => $"{LastName.ToUpperInvariant()} {FirstName}, né(e) le {BirthDate:dd/MM/yyyy}, écrou {Ecrou}";
    }

    public static async Task<World> LoadAsync(NpgsqlConnection connection, GeneratorOptions options, Plan plan)
    {
        var world = new World(options, plan);
        await world.LoadUnitsAsync(connection);
        world.BuildPatients();
        // The chain's head (ADR 0013), where the app would chain on: the seed's rows, written « now », come first.
        await using var command = new NpgsqlCommand("SELECT id, hash FROM audit.chain_head", connection);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            throw new InvalidOperationException("audit.chain_head has no row: is the database migrated?");
        }
        world._auditLastId = reader.GetInt64(0);
        world._auditLastHash = reader.GetString(1);
        return world;
    }

    /// <summary>
    /// Creates the audit trail's monthly partitions of the generated years with the app's own function: COPY refuses a
    /// row whose month has no partition.
    /// </summary>
    public async Task EnsureAuditPartitionsAsync(NpgsqlConnection connection)
    {
        var months = new List<DateTime>();
        for (var month = new DateTime(_start.Year, _start.Month, 1, 0, 0, 0, DateTimeKind.Utc); month <= _now; month = month.AddMonths(1))
        {
            months.Add(month);
        }
        await using var command = new NpgsqlCommand("SELECT count(audit.ensure_month_partition(m)) FROM unnest(@months) AS m", connection);
        command.Parameters.AddWithValue("months", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, months.ToArray());
        await command.ExecuteScalarAsync();
    }

    private static DateTime Truncate(DateTime at) => new(at.Ticks - at.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    private async Task LoadUnitsAsync(NpgsqlConnection connection)
    {
        var existing = new Dictionary<string, (Guid Id, string Name, string Phone, string Address)>();
        await using (var command = new NpgsqlCommand("SELECT code, id, name, phone, address FROM core.units", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                existing[reader.GetString(0)] = (reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
            }
        }
        // The demo accounts of each unit sign some of its entries, so they see their own work in the charts.
        var demo = new List<(string Unit, Staff Staff, string Team)>();
        await using (var command = new NpgsqlCommand("""
            SELECT u.id, u.first_name, u.last_name, r.name, coalesce(u.team, ''), un.code
            FROM auth.users u JOIN auth.user_roles ur ON ur.user_id = u.id JOIN auth.roles r ON r.id = ur.role_id
            JOIN auth.unit_memberships m ON m.user_id = u.id JOIN core.units un ON un.id = m.unit_id
            WHERE r.name IN ('Physician', 'Psychiatrist', 'Nurse', 'Coordinator')
            ORDER BY u.email
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var role = reader.GetString(3);
                var name = role == "Nurse" ? $"{reader.GetString(1)} {reader.GetString(2)}" : $"Dr {reader.GetString(1)} {reader.GetString(2)}";
                demo.Add((reader.GetString(5), new Staff(reader.GetGuid(0), name, role), reader.GetString(4)));
            }
        }
        var random = new Random(_options.Seed ^ StaffSalt);
        var index = 0;
        foreach (var (code, name, type, weight) in UnitPlan)
        {
            index++;
            var found = existing.TryGetValue(code, out var row);
            var unitId = found ? row.Id : Guid.CreateVersion7();
            var phone = found ? row.Phone : $"0{1 + index % 5} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)}";
            var address = found ? row.Address : $"{random.Next(1, 120)} route de la Centrale, {random.Next(10, 95)}{random.Next(100, 999)} {name.Split(' ').Last()}";
            Staff[] People(string role, int count, string title) =>
            [
                .. demo.Where(d => d.Unit == code && (d.Staff.Role == role || (role == "Physician" && d.Staff.Role == "Coordinator")))
                    .Where(d => role != "Nurse" || d.Team == "Somatic").Select(d => d.Staff),
                .. Enumerable.Range(0, count).Select(_ => new Staff(Guid.CreateVersion7(),
                    $"{title}{Pick(random, Vocabulary.FemaleFirstNames.Concat(Vocabulary.MaleFirstNames).ToArray())} {Pick(random, Vocabulary.LastNames)}".Trim(), role)),
            ];
            var psyNurses = demo.Where(d => d.Unit == code && d.Staff.Role == "Nurse" && d.Team == "Psychiatric").Select(d => d.Staff);
            _units.Add(new Unit(unitId, code, found ? row.Name : name, type, weight, phone, address, found,
                People("Physician", 4, "Dr "), [.. People("Psychiatrist", 2, "Dr "), .. psyNurses], People("Nurse", 8, "")));
        }
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    /// <summary>Zipf-like: index i drawn with weight 1/(i+1)^0.8, so the first names of a list are the common ones.</summary>
    private static T Zipf<T>(Random random, T[] items)
    {
        var u = random.NextDouble();
        var i = (int)(items.Length * Math.Pow(u, 2.2));
        return items[Math.Min(items.Length - 1, i)];
    }

    private static double Exponential(Random random, double mean) => -mean * Math.Log(1 - random.NextDouble());

    private void BuildPatients()
    {
        var random = new Random(_options.Seed);
        var totalWeight = _units.Sum(u => u.Weight);
        // Present patients by unit weight, then the past ones the same way.
        var unitOf = new Unit[_plan.Patients];
        var cursor = 0;
        foreach (var (count, present) in new[] { (_plan.Present, true), (_plan.Patients - _plan.Present, false) })
        {
            var start = cursor;
            foreach (var unit in _units)
            {
                var n = unit == _units[^1] ? start + count - cursor : (int)Math.Round(count * unit.Weight / totalWeight);
                for (var i = 0; i < n && cursor < start + count; i++)
                {
                    unitOf[cursor++] = unit;
                }
            }
            _ = present;
        }
        var stays = new (DateTime Arrival, DateTime End, bool Present, double Weight, bool Heavy)[_plan.Patients];
        var heavyLeft = _plan.Heavy;
        for (var i = 0; i < _plan.Patients; i++)
        {
            var present = i < _plan.Present;
            var longStay = unitOf[i].Type is "CD" or "MC";
            DateTime arrival, end;
            var heavy = present && unitOf[i].Code == MainUnitCode && heavyLeft-- > 0;
            if (heavy)
            {
                arrival = _now.AddDays(-random.Next(6 * 365, 10 * 365));
                end = _now;
            }
            else if (present)
            {
                var days = Math.Min(Exponential(random, longStay ? 4 * 365 : 240), 19 * 365);
                arrival = _now.AddDays(-Math.Max(1, days));
                end = _now;
            }
            else
            {
                end = _start.AddDays(random.NextDouble() * (_now - _start).TotalDays - 1);
                var days = Math.Min(Exponential(random, longStay ? 3 * 365 : 300), 10 * 365);
                arrival = end.AddDays(-Math.Max(2, days));
                if (arrival < _start)
                {
                    arrival = _start;
                }
            }
            var stayDays = Math.Max(1, (end - arrival).TotalDays);
            // Activity grows with the stay (less than linearly), is higher for the patients present (more recent
            // practice, more follow-up) and has a heavy tail (chronic patients, substitution treatments).
            var weight = Math.Pow(stayDays, 0.7) * (present ? 4 : 1) * Math.Min(20, 1 / Math.Sqrt(1 - random.NextDouble()));
            stays[i] = (Truncate(arrival), Truncate(end), present, weight, heavy);
        }
        var heavyEntries = new long[_plan.Patients];
        long heavyTotal = 0;
        for (var i = 0; i < _plan.Patients; i++)
        {
            if (stays[i].Heavy)
            {
                // A few patients with thousands of entries: daily medication rounds over years.
                heavyEntries[i] = Math.Min(random.Next(3_000, 6_000), _plan.Entries / 50);
                heavyTotal += heavyEntries[i];
            }
        }
        var sum = stays.Where(s => !s.Heavy).Sum(s => s.Weight);
        var ecrous = _units.ToDictionary(u => u, _ => 100_000);
        var order = Enumerable.Range(0, _plan.Patients).OrderBy(i => stays[i].Arrival).ToArray();
        var ecrouOf = new string[_plan.Patients];
        foreach (var i in order)
        {
            // Écrou numbers are given in order of arrival in each establishment.
            ecrouOf[i] = (ecrous[unitOf[i]]++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        for (var i = 0; i < _plan.Patients; i++)
        {
            var (arrival, end, present, weight, heavy) = stays[i];
            var share = heavy ? 0 : weight / sum;
            var entries = heavy ? heavyEntries[i] : Stochastic(random, (_plan.Entries - heavyTotal) * share);
            var female = unitOf[i].Type != "EPM" && random.NextDouble() < 0.035;
            var minor = unitOf[i].Type == "EPM";
            var age = minor ? random.Next(13, 18) : 18 + (int)Math.Min(55, Exponential(random, 14));
            var birth = DateOnly.FromDateTime(arrival).AddYears(-age).AddDays(-random.Next(0, 365));
            var wing = female ? "Quartier femmes" : minor ? "Quartier mineurs" : Vocabulary.Wings[random.Next(3)];
            _patients[i] = new Patient(i, Guid.CreateVersion7(new DateTimeOffset(arrival)), unitOf[i], ecrouOf[i],
                Zipf(random, Vocabulary.LastNames), Zipf(random, female ? Vocabulary.FemaleFirstNames : Vocabulary.MaleFirstNames),
                birth, female, wing, $"{wing[^1]}-{random.Next(100, 400)}", arrival, end, present, heavy,
                Psychiatric: random.NextDouble() < 0.35, entries,
                Stochastic(random, _plan.CareRequests * (heavy ? 1.0 / _plan.Patients : share)),
                Stochastic(random, _plan.Documents * (heavy ? 1.0 / _plan.Patients : share)));
            // Its own generator, so the draws above stay those of earlier runs.
            var visit = new Random(_options.Seed ^ (i * 31 + VisitSalt));
            var visitAt = Truncate(arrival.AddHours(visit.Next(2, 30)));
            _patients[i] = _patients[i] with
            {
                ArrivalEntryId = Guid.CreateVersion7(new DateTimeOffset(visitAt)),
                ArrivalVisitAt = visitAt,
                AwaitingVisit = present && (_now - arrival).TotalDays < 4 && visit.NextDouble() < 0.5,
            };
        }
    }

    private const string MainUnitCode = "MA-VIL";

    private static long Stochastic(Random random, double expected) =>
        (long)Math.Floor(expected) + (random.NextDouble() < expected - Math.Floor(expected) ? 1 : 0);

    private DateTime During(Random random, Patient p) =>
        Truncate(p.Arrival.AddSeconds(random.NextDouble() * Math.Max(60, (p.End - p.Arrival).TotalSeconds)));

    public async Task<long> InsertUnitsAsync(NpgsqlConnection connection)
    {
        long added = 0;
        foreach (var unit in _units.Where(u => !u.Exists))
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO core.units (id, code, name, establishment_type, reference_hospital, phone, address, hours,
                    information_languages)
                VALUES (@id, @code, @name, @type, 'Centre hospitalier de Villeneuve', @phone, @address,
                    'du lundi au vendredi, 8 h 30 – 17 h 30', '{}')
                """, connection);
            command.Parameters.AddWithValue("id", unit.Id);
            command.Parameters.AddWithValue("code", unit.Code);
            command.Parameters.AddWithValue("name", unit.Name);
            command.Parameters.AddWithValue("type", unit.Type);
            command.Parameters.AddWithValue("phone", unit.Phone);
            command.Parameters.AddWithValue("address", unit.Address);
            added += await command.ExecuteNonQueryAsync();
        }
        return added;
    }

    /// <summary>The jsonb of Patient.Allergies (PatientConfiguration): 8 % with an allergy, 30 % « aucune connue », the rest not filled in.</summary>
    private string AllergyRecord(Random random)
    {
        var at = _now.AddDays(-random.Next(1, 400)).ToString("o");
        var draw = random.NextDouble();
        return draw < 0.08
            ? $$"""{"entries":[{"number":1,"kind":"Other","substance":"{{Pick(random, Vocabulary.Allergies)}}","substance_code":null,"reaction":"non précisée","severity":"Unknown","recorded_by":"Dr Bench","recorded_at":"{{at}}","withdrawal_reason":null,"withdrawn_by":null,"withdrawn_at":null}],"none_known_stated_by":null,"none_known_stated_at":null}"""
            : draw < 0.38
                ? $$"""{"entries":[],"none_known_stated_by":"Dr Bench","none_known_stated_at":"{{at}}"}"""
                : """{"entries":[],"none_known_stated_by":null,"none_known_stated_at":null}""";
    }

    public long WritePatients(NpgsqlConnection connection)
    {
        using var w = connection.BeginBinaryImport("""
            COPY core.patients (id, unit_id, ecrou, last_name, first_name, birth_date, sex, ins_status, cell, wing,
              arrival_date, status, expected_release_date, is_vulnerable, court_ordered_care, allergy_record, alerts,
              reads_french, legal_status) FROM STDIN (FORMAT BINARY)
            """);
        var random = new Random(_options.Seed ^ 7);
        foreach (var p in _patients)
        {
            var convicted = p.Unit.Type != "MA" || random.NextDouble() < 0.35;
            w.StartRow();
            w.Write(p.Id, NpgsqlDbType.Uuid);
            w.Write(p.Unit.Id, NpgsqlDbType.Uuid);
            w.Write(p.Ecrou, NpgsqlDbType.Varchar);
            w.Write(p.LastName, NpgsqlDbType.Varchar);
            w.Write(p.FirstName, NpgsqlDbType.Varchar);
            w.Write(p.BirthDate, NpgsqlDbType.Date);
            w.Write(p.Female ? "Female" : "Male", NpgsqlDbType.Varchar);
            w.Write("None", NpgsqlDbType.Varchar);
            Write(w, p.Present ? p.Cell : null, NpgsqlDbType.Varchar);
            Write(w, p.Present ? p.Wing : null, NpgsqlDbType.Varchar);
            w.Write(DateOnly.FromDateTime(p.Arrival), NpgsqlDbType.Date);
            w.Write(p.Present ? "Present" : random.NextDouble() < 0.8 ? "Released" : "Transferred", NpgsqlDbType.Varchar);
            if (p.Present && convicted)
            {
                w.Write(DateOnly.FromDateTime(_now).AddDays(random.Next(1, 900)), NpgsqlDbType.Date);
            }
            else
            {
                w.WriteNull();
            }
            w.Write(false, NpgsqlDbType.Boolean);
            w.Write(random.NextDouble() < 0.02 ? "ObligationDeSoins" : "None", NpgsqlDbType.Varchar);
            w.Write(AllergyRecord(random), NpgsqlDbType.Jsonb);
            w.Write(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            w.Write(random.NextDouble() > 0.04, NpgsqlDbType.Boolean);
            w.Write(convicted ? "Convicted" : "Remand", NpgsqlDbType.Varchar);
        }
        return (long)w.Complete();
    }

    public long WriteMedicalRecords(NpgsqlConnection connection)
    {
        using var w = connection.BeginBinaryImport(
            "COPY core.medical_records (patient_id, team, opened_at) FROM STDIN (FORMAT BINARY)");
        foreach (var p in _patients)
        {
            foreach (var team in p.Psychiatric ? new[] { "Somatic", "Psychiatric" } : ["Somatic"])
            {
                w.StartRow();
                w.Write(p.Id, NpgsqlDbType.Uuid);
                w.Write(team, NpgsqlDbType.Varchar);
                w.Write(p.Arrival, NpgsqlDbType.TimestampTz);
            }
        }
        return (long)w.Complete();
    }

    private const string NoVitals =
        """{"SpO2": null, "HeightCm": null, "WeightKg": null, "HeartRate": null, "SystolicBp": null, "DiastolicBp": null, "TemperatureC": null, "GlycemiaGPerL": null}""";

    private static readonly string[] ConsultationTypes =
        ["Consultation", "Consultation", "Consultation", "Consultation", "FollowUp", "FollowUp", "FollowUp", "Emergency", "Teleconsultation", "WorkPrevention"];

    public long WriteEntries(NpgsqlConnection connection, bool psychiatric)
    {
        var table = psychiatric ? "psychiatric.entries" : "somatic.entries";
        using var w = connection.BeginBinaryImport($"""
            COPY {table} (id, patient_id, unit_id, kind, status, author_id, author_name, created_at, updated_at,
              occurred_at, signed_at, signed_by_id, signed_by_name, consultation_type, consent, guard_present, note,
              findings, medication, dose, medication_outcome, diagnoses, prescriptions, vitals) FROM STDIN (FORMAT BINARY)
            """);
        var json = new StringBuilder(512);
        long rows = 0;
        foreach (var p in _patients)
        {
            var random = new Random(_options.Seed ^ (p.Index * 31 + (psychiatric ? PsySalt : EntrySalt)));
            // Four in ten of a psychiatric patient's entries are in the psychiatric record.
            var psyCount = p.Psychiatric ? (long)Math.Round(p.Entries * 0.4) : 0;
            var count = psychiatric ? psyCount : p.Entries - psyCount;
            for (long k = 0; k < count; k++)
            {
                // The first entry is the arrival visit, unless the patient arrived days ago and waits for it (issue #21).
                var first = k == 0 && !(p.AwaitingVisit && !psychiatric);
                // The somatic arrival visit is the one an entry visit cites: its id and time are the patient's own.
                var arrivalVisit = first && !psychiatric;
                var at = arrivalVisit ? p.ArrivalVisitAt : first ? Truncate(p.Arrival.AddHours(random.Next(2, 30))) : During(random, p);
                var kindRoll = random.NextDouble();
                // Heavy patients are the daily medication rounds; others mix consultations, notes and rounds.
                var kind = first ? "Consultation" : p.Heavy ? (kindRoll < 0.75 ? "MedicationAdministration" : kindRoll < 0.9 ? "NursingNote" : "Consultation")
                    : kindRoll < 0.33 ? "Consultation" : kindRoll < 0.66 ? "NursingNote" : "MedicationAdministration";
                var consultation = kind == "Consultation";
                var author = arrivalVisit ? ArrivalPhysician(p)
                    : consultation
                    ? Pick(random, psychiatric ? p.Unit.Psychiatrists.Where(s => s.Role == "Psychiatrist").ToArray() : p.Unit.Physicians)
                    : Pick(random, psychiatric ? p.Unit.Psychiatrists : p.Unit.Nurses);
                var recent = p.Present && (_now - at).TotalDays < 30;
                var status = !arrivalVisit && recent && random.NextDouble() < 0.03 ? "Draft" : "Signed";
                w.StartRow();
                w.Write(arrivalVisit ? p.ArrivalEntryId : Guid.CreateVersion7(new DateTimeOffset(at)), NpgsqlDbType.Uuid);
                w.Write(p.Id, NpgsqlDbType.Uuid);
                w.Write(p.Unit.Id, NpgsqlDbType.Uuid);
                w.Write(kind, NpgsqlDbType.Varchar);
                w.Write(status, NpgsqlDbType.Varchar);
                w.Write(author.Id, NpgsqlDbType.Uuid);
                w.Write(author.Name, NpgsqlDbType.Varchar);
                w.Write(at, NpgsqlDbType.TimestampTz);
                w.Write(at, NpgsqlDbType.TimestampTz);
                w.Write(at, NpgsqlDbType.TimestampTz);
                if (status == "Signed")
                {
                    var signed = at.AddMinutes(random.Next(1, 40));
                    w.Write(arrivalVisit ? ArrivalSignedAt(p) : signed, NpgsqlDbType.TimestampTz);
                    w.Write(author.Id, NpgsqlDbType.Uuid);
                    w.Write(author.Name, NpgsqlDbType.Varchar);
                }
                else
                {
                    w.WriteNull();
                    w.WriteNull();
                    w.WriteNull();
                }
                Write(w, consultation ? (first ? "Arrival" : Pick(random, ConsultationTypes)) : null, NpgsqlDbType.Varchar);
                w.Write(consultation ? "Given" : "NotRecorded", NpgsqlDbType.Varchar);
                w.Write(false, NpgsqlDbType.Boolean);
                string? note = kind switch
                {
                    "Consultation" => Pick(random, psychiatric ? Vocabulary.PsychiatricNotes : Vocabulary.ConsultationNotes),
                    "NursingNote" => Pick(random, Vocabulary.NursingNotes),
                    _ => null,
                };
                Write(w, note);
                Write(w, consultation && !psychiatric ? Pick(random, Vocabulary.Findings) : null);
                var treatments = psychiatric ? Vocabulary.PsychiatricTreatments : Vocabulary.SomaticTreatments;
                var medication = kind == "MedicationAdministration" ? treatments[p.Index % treatments.Length] : default;
                Write(w, medication.Text);
                Write(w, medication.Dosage);
                Write(w, kind == "MedicationAdministration" ? (random.NextDouble() < 0.92 ? "Given" : random.NextDouble() < 0.5 ? "Refused" : "NotPresent") : null,
                    NpgsqlDbType.Varchar);
                if (consultation)
                {
                    var diagnoses = psychiatric ? Vocabulary.PsychiatricDiagnoses : Vocabulary.SomaticDiagnoses;
                    json.Clear().Append('[');
                    // A patient keeps his problems: diagnoses come from a small set of his own.
                    for (var d = 0; d < random.Next(0, 3); d++)
                    {
                        var (code, label) = diagnoses[(p.Index + d * 7 + random.Next(2)) % diagnoses.Length];
                        json.Append(d > 0 ? ", " : "").Append("{\"Code\": ");
                        Json(json, code).Append(", \"Label\": ");
                        Json(json, label).Append('}');
                    }
                    w.Write(json.Append(']').ToString(), NpgsqlDbType.Jsonb);
                    json.Clear().Append('[');
                    for (var d = 0; d < random.Next(0, 3); d++)
                    {
                        var (text, dosage, duration) = treatments[(p.Index + d * 3) % treatments.Length];
                        json.Append(d > 0 ? ", " : "").Append("{\"Kind\": 0, \"Text\": ");
                        Json(json, text).Append(", \"Dosage\": ");
                        Json(json, dosage).Append(", \"Duration\": ");
                        Json(json, duration).Append(", \"PatientConsented\": true}");
                    }
                    w.Write(json.Append(']').ToString(), NpgsqlDbType.Jsonb);
                    w.Write(psychiatric ? NoVitals : Invariant(
                        $$"""{"SpO2": {{random.Next(94, 100)}}, "HeightCm": null, "WeightKg": {{random.Next(55, 110)}}, "HeartRate": {{random.Next(55, 100)}}, "SystolicBp": {{random.Next(105, 160)}}, "DiastolicBp": {{random.Next(60, 95)}}, "TemperatureC": null, "GlycemiaGPerL": null}"""),
                        NpgsqlDbType.Jsonb);
                }
                else
                {
                    w.Write("[]", NpgsqlDbType.Jsonb);
                    w.Write("[]", NpgsqlDbType.Jsonb);
                    w.Write(NoVitals, NpgsqlDbType.Jsonb);
                }
                rows++;
            }
        }
        w.Complete();
        return rows;
    }

    private static readonly string[] Teams = ["Somatic", "Somatic", "Somatic", "Somatic", "Somatic", "Somatic", "Psychiatric", "Psychiatric", "Dental", "Other"];

    public async Task<(long Requests, long Events, long Rounds)> WriteCareRequestsAsync(string connectionString)
    {
        await using var requestsConnection = await OpenLoaderAsync(connectionString);
        await using var eventsConnection = await OpenLoaderAsync(connectionString);
        await using var roundsConnection = await OpenLoaderAsync(connectionString);
        return await Task.Run(() => WriteCareRequests(requestsConnection, eventsConnection, roundsConnection));
    }

    private (long Requests, long Events, long Rounds) WriteCareRequests(NpgsqlConnection requestsConnection,
        NpgsqlConnection eventsConnection, NpgsqlConnection roundsConnection)
    {
        using var requests = requestsConnection.BeginBinaryImport("""
            COPY care.care_requests (id, unit_id, round_id, wing, collected_at, patient_id, unidentified_name, team, summary,
              urgency, illegible, anonymous, several_requests, logged_by_id, logged_by_name, logged_at, status,
              appointment_at, answered_at, close_reason) FROM STDIN (FORMAT BINARY)
            """);
        using var events = eventsConnection.BeginBinaryImport("""
            COPY care.care_request_events (id, request_id, "from", "to", note, by_id, by_name, at) FROM STDIN (FORMAT BINARY)
            """);
        // A round is a nurse emptying the letter boxes, morning or evening: every slip of that half-day joins it (a
        // round of 20 to 60 slips at full scale, as in product.md's first journey).
        var rounds = new Dictionary<(Guid Unit, DateOnly Day, bool Evening), (Guid Id, DateTime CollectedAt, Staff Nurse, string Wing)>();
        long requestRows = 0, eventRows = 0;
        foreach (var p in _patients)
        {
            var random = new Random(_options.Seed ^ (p.Index * 31 + RequestSalt));
            for (long k = 0; k < p.Requests; k++)
            {
                var at = During(random, p);
                var evening = at.Hour >= 12;
                var day = DateOnly.FromDateTime(at);
                var wing = p.Wing;
                var key = (p.Unit.Id, day, evening);
                if (!rounds.TryGetValue(key, out var round))
                {
                    var collected = day.ToDateTime(new TimeOnly(evening ? 16 : 6, 30), DateTimeKind.Utc);
                    round = (Guid.CreateVersion7(new DateTimeOffset(collected)), collected, Pick(random, p.Unit.Nurses), wing);
                    rounds[key] = round;
                }
                var age = _now - round.CollectedAt;
                // Open requests are recent ones of patients present: the queue holds days of slips, not years.
                var openChance = !p.Present ? 0 : age.TotalDays < 2 ? 0.8 : age.TotalDays < 7 ? 0.4 : age.TotalDays < 21 ? 0.1 : 0;
                var roll = random.NextDouble();
                var status = random.NextDouble() < openChance
                    ? roll < 0.6 ? "New" : roll < 0.85 ? "Triaged" : "AppointmentSet"
                    : roll < 0.75 ? "SeenInConsultation" : "Closed";
                var anonymous = random.NextDouble() < 0.01;
                var id = Guid.CreateVersion7(new DateTimeOffset(round.CollectedAt));
                var logged = round.CollectedAt.AddMinutes(60 + random.Next(0, 40));
                var answered = status is "SeenInConsultation" or "Closed" ? logged.AddHours(random.Next(2, 24 * 12)) : (DateTime?)null;
                if (answered > _now)
                {
                    answered = _now;
                }
                requests.StartRow();
                requests.Write(id, NpgsqlDbType.Uuid);
                requests.Write(p.Unit.Id, NpgsqlDbType.Uuid);
                requests.Write(round.Id, NpgsqlDbType.Uuid);
                requests.Write(wing, NpgsqlDbType.Varchar);
                requests.Write(round.CollectedAt, NpgsqlDbType.TimestampTz);
                Write(requests, anonymous ? null : p.Id);
                requests.WriteNull();
                requests.Write(Pick(random, Teams), NpgsqlDbType.Varchar);
                requests.Write(Pick(random, Vocabulary.CareRequestSummaries), NpgsqlDbType.Varchar);
                var urgency = random.NextDouble();
                requests.Write(urgency < 0.1 ? "Urgent" : urgency < 0.6 ? "ThisWeek" : "NotUrgent", NpgsqlDbType.Varchar);
                requests.Write(false, NpgsqlDbType.Boolean);
                requests.Write(anonymous, NpgsqlDbType.Boolean);
                requests.Write(random.NextDouble() < 0.05, NpgsqlDbType.Boolean);
                requests.Write(round.Nurse.Id, NpgsqlDbType.Uuid);
                requests.Write(round.Nurse.Name, NpgsqlDbType.Varchar);
                requests.Write(logged, NpgsqlDbType.TimestampTz);
                requests.Write(status, NpgsqlDbType.Varchar);
                Write(requests, status == "AppointmentSet" ? _now.AddDays(random.Next(1, 10)) : null);
                Write(requests, answered);
                Write(requests, status == "Closed" ? (random.NextDouble() < 0.6 ? "Resolved" : random.NextDouble() < 0.5 ? "PatientLeft" : "Duplicate") : null,
                    NpgsqlDbType.Varchar);
                requestRows++;

                void Event(string? from, string to, string note, DateTime when)
                {
                    events.StartRow();
                    events.Write(Guid.CreateVersion7(new DateTimeOffset(when)), NpgsqlDbType.Uuid);
                    events.Write(id, NpgsqlDbType.Uuid);
                    Write(events, from, NpgsqlDbType.Varchar);
                    events.Write(to, NpgsqlDbType.Varchar);
                    events.Write(note, NpgsqlDbType.Varchar);
                    events.Write(round.Nurse.Id, NpgsqlDbType.Uuid);
                    events.Write(round.Nurse.Name, NpgsqlDbType.Varchar);
                    events.Write(when, NpgsqlDbType.TimestampTz);
                    eventRows++;
                }
                Event(null, "New", "Billet saisi", logged);
                if (status != "New")
                {
                    Event("New", status, status switch
                    {
                        "Triaged" => "Trié",
                        "AppointmentSet" => "Rendez-vous fixé",
                        "SeenInConsultation" => "Vu en consultation",
                        _ => "Clôturé",
                    }, answered ?? logged.AddHours(2));
                }
            }
        }
        requests.Complete();
        events.Complete();
        using var roundsWriter = roundsConnection.BeginBinaryImport("""
            COPY care.collection_rounds (id, unit_id, wing, box, collected_at, opened_by_id, opened_by_name, opened_at, closed_at)
            FROM STDIN (FORMAT BINARY)
            """);
        foreach (var ((unit, _, evening), (id, collected, nurse, wing)) in rounds)
        {
            roundsWriter.StartRow();
            roundsWriter.Write(id, NpgsqlDbType.Uuid);
            roundsWriter.Write(unit, NpgsqlDbType.Uuid);
            roundsWriter.Write(wing, NpgsqlDbType.Varchar);
            roundsWriter.Write(evening ? "Boîte 1er étage" : "Boîte RDC", NpgsqlDbType.Varchar);
            roundsWriter.Write(collected, NpgsqlDbType.TimestampTz);
            roundsWriter.Write(nurse.Id, NpgsqlDbType.Uuid);
            roundsWriter.Write(nurse.Name, NpgsqlDbType.Varchar);
            roundsWriter.Write(collected.AddHours(1), NpgsqlDbType.TimestampTz);
            roundsWriter.Write(collected.AddHours(1).AddMinutes(30), NpgsqlDbType.TimestampTz);
        }
        roundsWriter.Complete();
        return (requestRows, eventRows, rounds.Count);
    }

    public long WriteConsents(NpgsqlConnection connection)
    {
        using var w = connection.BeginBinaryImport("""
            COPY consent.consent_entries (id, patient_id, topic, decision, expression, recorded_by_id, recorded_by_name, recorded_at)
            FROM STDIN (FORMAT BINARY)
            """);
        long rows = 0;
        foreach (var p in _patients)
        {
            var random = new Random(_options.Seed ^ (p.Index * 31 + ConsentSalt));
            void Row(string topic, string decision, string expression)
            {
                var by = Pick(random, p.Unit.Physicians);
                var at = During(random, p);
                w.StartRow();
                w.Write(Guid.CreateVersion7(new DateTimeOffset(at)), NpgsqlDbType.Uuid);
                w.Write(p.Id, NpgsqlDbType.Uuid);
                w.Write(topic, NpgsqlDbType.Varchar);
                w.Write(decision, NpgsqlDbType.Varchar);
                w.Write(expression, NpgsqlDbType.Varchar);
                w.Write(by.Id, NpgsqlDbType.Uuid);
                w.Write(by.Name, NpgsqlDbType.Varchar);
                w.Write(at, NpgsqlDbType.TimestampTz);
                rows++;
            }
            if (random.NextDouble() < 0.7)
            {
                Row("SpipInformation", "Informed", "Oralement, lors de la visite d'entrée");
                if (random.NextDouble() < 0.08)
                {
                    Row("SpipObjection", "Objected", "Par écrit, courrier du patient");
                }
            }
            if (p.Psychiatric && random.NextDouble() < 0.5)
            {
                Row("TeamSharing", random.NextDouble() < 0.8 ? "Agreed" : "Refused", "Oralement, en présence de l'infirmière");
            }
        }
        w.Complete();
        return rows;
    }

    private static readonly DocumentKind[] Kinds =
    [
        DocumentKind.InjuryCertificate, DocumentKind.InjuryCertificate, DocumentKind.FollowUpAttestation,
        DocumentKind.FollowUpAttestation, DocumentKind.FollowUpAttestation, DocumentKind.RegimeAttestation,
        DocumentKind.MedicalNeed, DocumentKind.RecommendationSheet, DocumentKind.PathologyCertificate, DocumentKind.WorkStoppage,
    ];

    public async Task<(long Documents, long Disclosures)> WriteDocumentsAsync(string connectionString)
    {
        // A few hundred PDFs really rendered by the app's renderer; the stored bytes of the others are copies of them.
        var random = new Random(_options.Seed ^ DocSalt);
        var samples = Enumerable.Range(0, (int)Math.Min(300, _plan.Documents)).Select(i =>
        {
            var p = _patients[random.Next(_patients.Length)];
            return RenderPdf(p.Unit, p.Display, Catalogue.Of(Kinds[i % Kinds.Length]), p.Unit.Physicians[0].Name, During(random, p));
        }).ToArray();
        await using var documentsConnection = await OpenLoaderAsync(connectionString);
        await using var disclosuresConnection = await OpenLoaderAsync(connectionString);
        return await Task.Run(() => WriteDocuments(documentsConnection, disclosuresConnection, samples));
    }

    private (long, long) WriteDocuments(NpgsqlConnection documentsConnection, NpgsqlConnection disclosuresConnection, byte[][] samples)
    {
        using var documents = documentsConnection.BeginBinaryImport("""
            COPY documents.issued_documents (id, number, patient_id, unit_id, kind, title, recipient, recipient_name, text, pdf,
              author_id, author_name, issued_at, requested_by_patient, disclosure_id) FROM STDIN (FORMAT BINARY)
            """);
        using var disclosures = disclosuresConnection.BeginBinaryImport("""
            COPY consent.disclosures (id, patient_id, unit_id, recipient, recipient_name, what, legal_basis, exception,
              author_id, author_name, at) FROM STDIN (FORMAT BINARY)
            """);
        long rows = 0, number = 0;
        foreach (var p in _patients)
        {
            var random = new Random(_options.Seed ^ (p.Index * 31 + DocSalt));
            for (long k = 0; k < p.Documents; k++)
            {
                var template = Catalogue.Of(Kinds[random.Next(Kinds.Length)]);
                var at = During(random, p);
                var author = Pick(random, p.Unit.Physicians);
                var docNumber = $"{p.Unit.Code}-{at.Year}-{++number:D6}";
                var disclosureId = Guid.CreateVersion7(new DateTimeOffset(at));
                var recipient = template.Recipient.ToString();
                // P02: every document that leaves is a ledger entry, here on a legal exception (the template's basis).
                disclosures.StartRow();
                disclosures.Write(disclosureId, NpgsqlDbType.Uuid);
                disclosures.Write(p.Id, NpgsqlDbType.Uuid);
                disclosures.Write(p.Unit.Id, NpgsqlDbType.Uuid);
                disclosures.Write(recipient, NpgsqlDbType.Varchar);
                disclosures.Write(template.RecipientLine, NpgsqlDbType.Varchar);
                disclosures.Write($"{template.Title} n° {docNumber}", NpgsqlDbType.Varchar);
                disclosures.Write(template.LegalBasis, NpgsqlDbType.Varchar);
                // The column holds a LegalException of the closed list (P02), by name, as the app writes it.
                disclosures.Write((template.Recipient == RecipientCategory.Patient ? LegalException.PatientHimself
                    : LegalException.RequiredCertificate).ToString(), NpgsqlDbType.Varchar);
                disclosures.Write(author.Id, NpgsqlDbType.Uuid);
                disclosures.Write(author.Name, NpgsqlDbType.Varchar);
                disclosures.Write(at, NpgsqlDbType.TimestampTz);

                documents.StartRow();
                documents.Write(Guid.CreateVersion7(new DateTimeOffset(at)), NpgsqlDbType.Uuid);
                documents.Write(docNumber, NpgsqlDbType.Varchar);
                documents.Write(p.Id, NpgsqlDbType.Uuid);
                documents.Write(p.Unit.Id, NpgsqlDbType.Uuid);
                documents.Write(template.Kind.ToString(), NpgsqlDbType.Varchar);
                documents.Write(template.Title, NpgsqlDbType.Varchar);
                documents.Write(recipient, NpgsqlDbType.Varchar);
                documents.Write(template.RecipientLine, NpgsqlDbType.Varchar);
                documents.Write($"{template.Title}\n{p.Display}\nExamen clinique réalisé avec l'accord du patient.\n{author.Name}", NpgsqlDbType.Text);
                documents.Write(samples[random.Next(samples.Length)], NpgsqlDbType.Bytea);
                documents.Write(author.Id, NpgsqlDbType.Uuid);
                documents.Write(author.Name, NpgsqlDbType.Varchar);
                documents.Write(at, NpgsqlDbType.TimestampTz);
                documents.Write(template.Accessory, NpgsqlDbType.Boolean);
                documents.Write(disclosureId, NpgsqlDbType.Uuid);
                rows++;
            }
        }
        documents.Complete();
        disclosures.Complete();
        LastDocumentNumber = number;
        return (rows, rows);
    }

    /// <summary>
    /// The audit trail of the generated years, oldest first, continuing the chain already in the database: each row is
    /// sealed by <see cref="AuditKey.Seal"/> with the key the app will use, so <c>verify-audit</c> walks it whole.
    /// </summary>
    public long WriteAudit(NpgsqlConnection connection)
    {
        // The rows and the head move together, as the app's appends do.
        using var transaction = connection.BeginTransaction();
        using var w = connection.BeginBinaryImport("""
            COPY audit.audit_events (id, at, user_id, user_name, roles, action, target, patient_id, unit_id, status,
              previous_hash, hash) FROM STDIN (FORMAT BINARY)
            """);
        var random = new Random(_options.Seed ^ 991);
        var span = (_now.AddDays(-1) - _start).Ticks;
        var step = span / Math.Max(1, _plan.Audit);
        var at = _start.Ticks;
        var id = _auditLastId;
        var previous = _auditLastHash;
        // Recent patients are read most: draw from the present ones two times in three.
        for (long k = 0; k < _plan.Audit; k++)
        {
            at += step;
            var p = random.NextDouble() < 0.66 ? _patients[random.Next(_plan.Present)] : _patients[random.Next(_patients.Length)];
            var staff = random.NextDouble() < 0.5 ? Pick(random, p.Unit.Physicians) : Pick(random, p.Unit.Nurses);
            var roll = random.NextDouble();
            var (action, target) = roll < 0.05 ? (AuditAction.SignIn, "/Account/Login")
                : roll < 0.7 ? (AuditAction.Read, $"/Patients/Chart/{p.Id}")
                : roll < 0.8 ? (AuditAction.Read, "/Patients")
                : (AuditAction.Write, staff.Role == "Nurse" ? "/Records/NursingNote" : "/Records/Consultation");
            var row = new AuditEvent
            {
                Id = ++id,
                At = new DateTimeOffset(at - at % 10, TimeSpan.Zero),
                UserId = staff.Id,
                UserName = staff.Name,
                Roles = staff.Role,
                Action = action,
                Target = target,
                PatientId = action == AuditAction.SignIn || target == "/Patients" ? null : p.Id,
                UnitId = action == AuditAction.SignIn ? null : p.Unit.Id,
                Status = action == AuditAction.Write ? 302 : 200,
                PreviousHash = previous,
            };
            Sealed(row, _auditKey);
            previous = row.Hash;
            w.StartRow();
            w.Write(row.Id, NpgsqlDbType.Bigint);
            w.Write(row.At, NpgsqlDbType.TimestampTz);
            Write(w, row.UserId);
            w.Write(row.UserName, NpgsqlDbType.Varchar);
            w.Write(row.Roles, NpgsqlDbType.Varchar);
            w.Write(row.Action.ToString(), NpgsqlDbType.Varchar);
            w.Write(row.Target, NpgsqlDbType.Varchar);
            Write(w, row.PatientId);
            Write(w, row.UnitId);
            w.Write(row.Status, NpgsqlDbType.Integer);
            w.Write(row.PreviousHash, NpgsqlDbType.Varchar);
            w.Write(row.Hash, NpgsqlDbType.Varchar);
        }
        w.Complete();
        w.Dispose(); // ends the COPY before the next command on this connection
        using (var head = new NpgsqlCommand("UPDATE audit.chain_head SET id = @id, hash = @hash", connection, transaction))
        {
            head.Parameters.AddWithValue("id", id);
            head.Parameters.AddWithValue("hash", previous);
            if (head.ExecuteNonQuery() != 1)
            {
                throw new InvalidOperationException("audit.chain_head has no row to move");
            }
        }
        transaction.Commit();
        return _plan.Audit;
    }
}
