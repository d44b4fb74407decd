using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Infrastructure;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Interop;

/// <summary>Issue #11, P29: the prison's movements file, imported all or nothing, idempotent, without judicial columns.</summary>
public sealed class MovementImportTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    private const string Header = "Numéro d'écrou;Nom;Nom de naissance;Prénom;Date de naissance;Sexe;Mouvement;Date;Établissement;Cellule;Date de libération prévue";

    [Fact]
    public async Task Importing_the_same_file_twice_leaves_the_database_exactly_as_the_first_import_left_it()
    {
        string a = Uploads.Ecrou(), b = Uploads.Ecrou(), c = Uploads.Ecrou();
        var file = Uploads.Utf8($"""
            {Header}
            {a};Durand;;Marc;12/03/1985;M;Arrivée;02/11/2026;;A-101;15/06/2027
            {b};Petit;Martin;Léa;1990-07-21;F;arrivée;03/11/2026;;B-12;
            {b};Petit;Martin;Léa;1990-07-21;F;Transfert sortant;20/11/2026;CD de Melun;;
            {c};Moreau;;Jean;01/01/1970;H;Transfert entrant;05/11/2026;MA de Fresnes;C-3;
            {c};Moreau;;Jean;01/01/1970;H;Libération;21/11/2026;;;
            """);
        var secretary = await app.LoginAsAsync(DemoData.Account(Role.Secretary));

        var first = await (await secretary.UploadMovementsAsync(file)).TextAsync();
        first.Should().Contain("Import réalisé").And.Contain("5 mouvement(s) appliqué(s), 0 déjà importé(s)")
            .And.Contain("3 patient(s) créé(s)");
        var state = await StateAsync(a, b, c);

        var second = await (await secretary.UploadMovementsAsync(file)).TextAsync();
        second.Should().Contain("0 mouvement(s) appliqué(s), 5 déjà importé(s)").And.Contain("0 patient(s) créé(s), 0 mis à jour");
        (await StateAsync(a, b, c)).Should().Equal(state, "xmin included: not one row was even rewritten");

        var patients = await app.WithDbAsync(db => db.Patients.AsNoTracking().Where(p => p.Ecrou == a || p.Ecrou == b || p.Ecrou == c)
            .ToDictionaryAsync(p => p.Ecrou));
        patients[a].Status.Should().Be(PatientStatus.Present);
        patients[a].Cell.Should().Be("A-101");
        patients[a].ExpectedReleaseDate.Should().Be(new DateOnly(2027, 6, 15));
        patients[a].ArrivalDate.Should().Be(new DateOnly(2026, 11, 2));
        patients[b].Status.Should().Be(PatientStatus.Transferred);
        patients[b].BirthName.Should().Be("Martin");
        patients[b].Sex.Should().Be(Sex.Female);
        patients[c].Status.Should().Be(PatientStatus.Released);
        (await app.WithDbAsync(db => db.PrisonMovements.CountAsync(m => m.Ecrou == b))).Should().Be(2);
        (await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Target.StartsWith("import-movements")))).Should().BeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task A_known_patient_is_updated_a_late_older_movement_leaves_his_status_and_a_stranger_leaving_is_ignored()
    {
        var known = await app.NewPatientAsync("Connu");
        var stranger = Uploads.Ecrou();
        var file = Uploads.Utf8($"""
            {Header}
            {known.Ecrou};Connu;;Paul;{known.BirthDate:dd/MM/yyyy};M;Transfert entrant;{TestClock.Today.AddDays(-2):dd/MM/yyyy};MA de Fresnes;F-9;01/09/2027
            {stranger};Passant;;Luc;01/01/1980;M;Libération;10/11/2026;;;
            """);
        var secretary = await app.LoginAsAsync(DemoData.Account(Role.Secretary));

        var text = await (await secretary.UploadMovementsAsync(file)).TextAsync();

        text.Should().Contain("0 patient(s) créé(s), 1 mis à jour")
            .And.Contain($"Ligne 3 ignorée : libération de l'écrou {stranger}, inconnu de l'unité");
        var updated = await app.WithDbAsync(db => db.Patients.SingleAsync(p => p.Id == known.Id));
        updated.Cell.Should().Be("F-9");
        updated.ExpectedReleaseDate.Should().Be(new DateOnly(2027, 9, 1));
        (await app.WithDbAsync(db => db.Patients.AnyAsync(p => p.Ecrou == stranger))).Should().BeFalse();

        var late = Uploads.Utf8($"""
            {Header}
            {known.Ecrou};Connu;;Paul;{known.BirthDate:dd/MM/yyyy};M;Libération;{TestClock.Today.AddDays(-5):dd/MM/yyyy};;;
            """);
        (await (await secretary.UploadMovementsAsync(late)).TextAsync()).Should().Contain("1 mouvement(s) appliqué(s)");
        (await app.WithDbAsync(db => db.Patients.SingleAsync(p => p.Id == known.Id))).Status
            .Should().Be(PatientStatus.Present, "the release is older than the transfer already applied");
    }

    [Fact]
    public async Task Refused_lines_are_reported_by_number_and_reason_and_nothing_of_the_file_is_written()
    {
        string good = Uploads.Ecrou(), bad = Uploads.Ecrou(), unknown = Uploads.Ecrou();
        var file = Uploads.Utf8($"""
            {Header}
            {good};Valide;;Paul;12/03/1985;M;Arrivée;02/11/2026;;A-1;
            {bad};Erreur;;Luc;12/03/1985;M;Arrivée;32/13/2026;;A-2;
            {unknown};Inconnu;;Noé;12/03/1985;Z;Évasion;02/11/2026;;A-3;
            ;SansEcrou;;Ali;12/03/1985;M;Arrivée;02/11/2026;;A-4;
            """);
        var secretary = await app.LoginAsAsync(DemoData.Account(Role.Secretary));

        var text = await (await secretary.UploadMovementsAsync(file)).TextAsync();

        text.Should().Contain("Import refusé : rien n'a été importé")
            .And.Contain("Ligne 3 refusée : date du mouvement « 32/13/2026 » illisible (attendu JJ/MM/AAAA)")
            .And.Contain("Ligne 4 refusée : sexe « Z » inconnu (attendu M, F ou I) ; mouvement « Évasion » inconnu")
            .And.Contain("Ligne 5 refusée : numéro d'écrou manquant")
            .And.Contain("import tout ou rien");
        text.Should().NotContain("Ligne 2 refusée");
        (await app.WithDbAsync(db => db.Patients.AnyAsync(p => p.Ecrou == good))).Should().BeFalse("all or nothing: the valid line waits for the corrected file");
        (await app.WithDbAsync(db => db.PrisonMovements.AnyAsync(m => m.Ecrou == good))).Should().BeFalse();
    }

    [Fact]
    public async Task Offence_sentence_and_judicial_columns_are_dropped_reported_and_stored_nowhere()
    {
        var ecrou = Uploads.Ecrou();
        var file = Uploads.Utf8($"""
            Ecrou;Nom;Prénom;Infraction;Date de naissance;Sexe;Motif d'écrou;Mouvement;Date;Quantum de peine;Juridiction;Nature des faits;Couleur préférée
            {ecrou};Secret;Jacques;VOLAVECVIOLENCEX;04/04/1980;M;MANDATDEDEPOTX;Arrivée;10/11/2026;QUANTUMCINQANSX;TRIBUNALDEMEAUXX;FAITSGRAVESX;bleu
            """);
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));

        var text = await (await coordinator.UploadMovementsAsync(file)).TextAsync();

        text.Should().Contain("Import réalisé");
        foreach (var column in new[] { "Infraction", "Motif d'écrou", "Quantum de peine", "Juridiction", "Nature des faits" })
        {
            text.Should().Contain($"Colonne ignorée : {column} (P29");
        }
        text.Should().Contain("Colonne inconnue ignorée : Couleur préférée");
        (await app.WithDbAsync(db => db.Patients.AnyAsync(p => p.Ecrou == ecrou))).Should().BeTrue();
        foreach (var value in new[] { "VOLAVECVIOLENCEX", "MANDATDEDEPOTX", "QUANTUMCINQANSX", "TRIBUNALDEMEAUXX", "FAITSGRAVESX" })
        {
            (await RowsContainingAsync(value)).Should().BeEmpty($"« {value} » came from a judicial column (P29)");
        }
    }

    [Fact]
    public async Task A_windows_1252_file_separated_by_commas_is_read_with_its_accents()
    {
        var ecrou = Uploads.Ecrou();
        var content = $"""
            ecrou,nom,prenom,date_naissance,sexe,mouvement,date,cellule
            {ecrou},"Lefèvre, dit « Séb »",Sébastien,02/02/1992,M,arrivée,12/11/2026,D-7
            """;
        var file = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(content);
        var secretary = await app.LoginAsAsync(DemoData.Account(Role.Secretary));

        var text = await (await secretary.UploadMovementsAsync(file, "genesis-1252.csv")).TextAsync();

        text.Should().Contain("encodage Windows-1252, séparateur « , »").And.Contain("Import réalisé");
        var patient = await app.WithDbAsync(db => db.Patients.SingleAsync(p => p.Ecrou == ecrou));
        patient.LastName.Should().Be("Lefèvre, dit « Séb »");
        patient.FirstName.Should().Be("Sébastien");
        patient.Cell.Should().Be("D-7");
    }

    [Fact]
    public async Task A_utf8_file_with_a_bom_is_read_as_utf8_and_a_file_without_required_columns_is_refused_whole()
    {
        var ecrou = Uploads.Ecrou();
        var bom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Uploads.Utf8($"{Header}\n{ecrou};Éloïse;;Anaïs;03/03/2001;F;Arrivée;13/11/2026;;;\n")).ToArray();
        var secretary = await app.LoginAsAsync(DemoData.Account(Role.Secretary));

        (await (await secretary.UploadMovementsAsync(bom)).TextAsync()).Should().Contain("encodage UTF-8, séparateur « ; »");
        (await app.WithDbAsync(db => db.Patients.SingleAsync(p => p.Ecrou == ecrou))).LastName.Should().Be("Éloïse");

        var headless = await (await secretary.UploadMovementsAsync(Uploads.Utf8("Nom;Prénom\nDupont;Jean\n"))).TextAsync();
        headless.Should().Contain("Fichier refusé : Colonne(s) obligatoire(s) absente(s) de l'en-tête : écrou, date de naissance, sexe, mouvement, date.");
    }

    [Fact]
    public async Task Only_the_coordinator_and_the_secretariat_may_import_movements()
    {
        foreach (var role in new[] { Role.PrisonAdministration, Role.Nurse, Role.Physician, Role.Spip, Role.Administrator })
        {
            var client = await app.LoginAsAsync(DemoData.Account(role));
            (await client.GetAsync("/Interop/Movements")).Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied", role.ToString());
        }
        var secretary = await app.LoginAsAsync(DemoData.Account(Role.Secretary));
        (await secretary.GetAsync("/Interop/Movements")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_command_imports_a_file_and_answers_with_exit_codes()
    {
        var ecrou = Uploads.Ecrou();
        var path = Path.Combine(Path.GetTempPath(), $"mouvements-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, $"{Header}\n{ecrou};Commande;;Yves;05/05/1975;M;Arrivée;14/11/2026;;E-1;\n");
        try
        {
            var (code, output, _) = await RunAsync("import-movements", path, "--unit", DemoData.UnitA, "--by", "Exploitant Test");
            code.Should().Be(0);
            output.Should().Contain("1 mouvement(s) appliqué(s)");
            (await RunAsync("import-movements", path, "--unit", DemoData.UnitA)).Output.Should().Contain("1 déjà importé(s)");
            (await app.WithDbAsync(db => db.PrisonMovements.SingleAsync(m => m.Ecrou == ecrou))).ImportedByName.Should().Be("Exploitant Test");

            await File.WriteAllTextAsync(path, $"{Header}\n{ecrou};Commande;;Yves;05/05/1975;M;Arrivée;hier;;E-1;\n");
            var refused = await RunAsync("import-movements", path, "--unit", DemoData.UnitA);
            refused.Code.Should().Be(1);
            refused.Error.Should().Contain("Ligne 2 refusée : date du mouvement « hier » illisible");

            (await RunAsync("import-movements", path)).Code.Should().Be(2, "no --unit");
            (await RunAsync("import-movements", path, "--unit", "NOPE")).Error.Should().Contain("Unité inconnue : NOPE");
            (await RunAsync("import-movements", "/nonexistent.csv", "--unit", DemoData.UnitA)).Code.Should().Be(1);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_command_line_has_a_french_help_and_usage_errors_exit_with_2()
    {
        var help = await RunAsync("--help");
        help.Code.Should().Be(0);
        help.Output.Should().Contain("Usage").And.Contain("import-movements FICHIER --unit CODE").And.Contain("export-fhir")
            .And.Contain("verify-audit").And.Contain("create-admin").And.Contain("Codes de sortie");
        (await RunAsync("import-movements", "--help")).Output.Should().Contain("Usage : import-movements");
        var unknown = await RunAsync("frobnicate");
        unknown.Code.Should().Be(2);
        unknown.Error.Should().Contain("Commande inconnue : « frobnicate »");
        (await RunAsync("create-admin", "only@one.fr")).Code.Should().Be(2);
        (await RunAsync("import-movements", "a.csv", "--unit")).Code.Should().Be(2);
        (await RunAsync("verify-audit")).Code.Should().Be(0);
        (await Commands.RunAsync(app.Services, ["--urls", "http://localhost:5000"], TextWriter.Null, TextWriter.Null))
            .Should().BeNull("the web host's own options start the server");
    }

    private async Task<(int? Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await Commands.RunAsync(app.Services, args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Each patient and movement row of these écrous with its xmin: an UPDATE, even to the same values, shows.</summary>
    private async Task<List<string>> StateAsync(params string[] ecrous)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT p.xmin::text || ' ' || row_to_json(p)::text FROM core.patients p WHERE p.ecrou = ANY(@e)
            UNION ALL
            SELECT m.xmin::text || ' ' || row_to_json(m)::text FROM core.prison_movements m WHERE m.ecrou = ANY(@e)
            ORDER BY 1
            """, connection);
        command.Parameters.AddWithValue("e", ecrous);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }

    /// <summary>Every table of every schema whose rows, as text, contain the value.</summary>
    private async Task<List<string>> RowsContainingAsync(string value)
    {
        await using var connection = new NpgsqlConnection(app.AdminConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("""
            SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
            WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        tables.Should().Contain("core.patients");
        var hits = new List<string>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table} t WHERE t::text ILIKE @v", connection);
            count.Parameters.AddWithValue("v", $"%{value}%");
            if ((long)(await count.ExecuteScalarAsync())! > 0)
            {
                hits.Add(table);
            }
        }
        return hits;
    }
}
