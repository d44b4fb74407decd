using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Auditing;
using UsmpCare.Web.Data;
using UsmpCare.Web.Infrastructure;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Auditing;

/// <summary>P16: every access audited, the trail append-only and tamper-evident.</summary>
public sealed class AuditTrailTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task Chart_reads_denials_and_sign_ins_are_audited_and_the_coordinator_finds_them()
    {
        var patient = await app.NewPatientAsync("Audité");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        (await physician.GetAsync($"/Patients/Chart/{patient.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        await physician.PostConsultationAsync("Sign", Clinic.ConsultationForm(patient.Id, "Note lue ensuite"));
        var entryId = (await app.EntriesOfAsync(patient.Id, Team.Somatic)).Single().Id;
        (await physician.GetAsync($"/Records/Entry/Somatic/{entryId}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await physician.GetAsync("/Patients?q=Audite")).StatusCode.Should().Be(HttpStatusCode.OK);
        var ap = await app.LoginAsAsync(DemoData.Account(Role.PrisonAdministration));
        await ap.GetAsync($"/Patients/Chart/{patient.Id}");
        await app.NewClient().PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Email"] = DemoData.Account(Role.Secretary).Email, ["Password"] = "mauvais mot de passe",
        });

        var events = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        events.Should().Contain(e => e.Action == AuditAction.Read && e.PatientId == patient.Id && e.UserName == "Claire Martin"
                                     && e.Target == $"/Patients/Chart/{patient.Id}");
        events.Should().Contain(e => e.Action == AuditAction.Read && e.PatientId == patient.Id && e.Target == $"/Records/Entry/Somatic/{entryId}",
            "reading one entry is filed under its patient");
        events.Should().Contain(e => e.Action == AuditAction.Write && e.PatientId == patient.Id && e.Target.StartsWith("/Records/Consultation"));
        events.Should().Contain(e => e.Action == AuditAction.Denied && e.UserName == "Marc Lambert" && e.Status == 403);
        events.Should().Contain(e => e.Action == AuditAction.SignIn && e.UserName == "Claire Martin");
        events.Should().Contain(e => e.Action == AuditAction.SignInFailed && e.UserName == "Sophie Girard");
        events.Should().Contain(e => e.Action == AuditAction.Read && e.Target == "/Patients" && e.UserName == "Claire Martin", "searches are audited");
        events.Should().OnlyContain(e => !e.Target.Contains('?') || e.Target.Contains("?handler="), "query strings are never recorded");

        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var page = (await coordinator.GetDocumentAsync($"/Audit?Ecrou={patient.Ecrou}")).QuerySelector("#audit")!.TextContent;
        page.Should().Contain("Claire Martin").And.Contain($"/Patients/Chart/{patient.Id}");
        var csv = await (await coordinator.GetAsync($"/Audit?handler=Csv&Ecrou={patient.Ecrou}")).Content.ReadAsStringAsync();
        csv.Should().Contain("Claire Martin").And.Contain(patient.Id.ToString());
        (await physician.GetAsync("/Audit")).Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");

        // The patient asks who opened his record: roles and dates, names only if the unit chooses.
        var report = (await coordinator.GetDocumentAsync($"/Audit/Patient?Ecrou={patient.Ecrou}")).QuerySelector("#accesses")!.TextContent;
        report.Should().Contain("Médecin").And.Contain("lecture").And.NotContain("Claire Martin");
        (await coordinator.GetDocumentAsync($"/Audit/Patient?Ecrou={patient.Ecrou}&WithNames=true")).QuerySelector("#accesses")!
            .TextContent.Should().Contain("Claire Martin");
    }

    [Fact]
    public async Task The_trail_is_append_only_and_verification_names_an_altered_or_deleted_row()
    {
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var patient = await app.NewPatientAsync("Scellé");
        for (var i = 0; i < 3; i++)
        {
            await physician.GetAsync($"/Patients/Chart/{patient.Id}");
        }
        var trail = app.Services.GetRequiredService<AuditChain>();
        (await trail.VerifyAsync(app.ConnectionString)).Should().BeEmpty("an untouched trail verifies");

        var update = () => ExecuteAsync("UPDATE audit.audit_events SET user_name = 'Personne' WHERE id = 2");
        (await update.Should().ThrowAsync<PostgresException>()).Which.MessageText.Should().Contain("append-only");

        // Someone with the database owner's powers bypasses the trigger: the chain still tells.
        await ExecuteAsync("""
            ALTER TABLE audit.audit_events DISABLE TRIGGER audit_events_append_only;
            UPDATE audit.audit_events SET user_name = 'Personne' WHERE id = 2;
            DELETE FROM audit.audit_events WHERE id = 3;
            ALTER TABLE audit.audit_events ENABLE TRIGGER audit_events_append_only;
            """);
        var problems = await trail.VerifyAsync(app.ConnectionString);

        problems.Should().Contain(p => p.StartsWith("ligne 2 : modifiée"));
        problems.Should().Contain(p => p.StartsWith("ligne 3 à 3 : absente")).And.Contain(p => p.StartsWith("ligne 4 : ne suit pas"));
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var verified = await coordinator.PostFormAsync("/Audit?handler=Verify", new Dictionary<string, string>(), "/Audit");
        (await verified.TextAsync()).Should().Contain("ligne 2 : modifiée");
    }

    [Fact]
    public async Task An_anchor_copied_out_of_the_database_shows_that_the_last_rows_were_deleted()
    {
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var patient = await app.NewPatientAsync("Ancré");
        await physician.GetAsync($"/Patients/Chart/{patient.Id}");
        var trail = app.Services.GetRequiredService<AuditChain>();
        var anchor = (await trail.TailAsync(app.ConnectionString))!;
        var file = AuditAnchor.ParseAll([anchor.ToString()], out var unreadable);
        unreadable.Should().BeEmpty();
        file.Should().Equal(anchor with { At = file[0].At });
        // Another test of this class tampers with early rows on purpose: compare with what the chain already says.
        var earlier = await trail.VerifyAsync(app.ConnectionString);
        (await trail.VerifyAsync(app.ConnectionString, anchors: file)).Should().Equal(earlier, "the anchored row is there, with its seal");

        await physician.GetAsync($"/Patients/Chart/{patient.Id}");
        var last = (await trail.TailAsync(app.ConnectionString))!.Id;
        await ExecuteAsync($"""
            ALTER TABLE audit.audit_events DISABLE TRIGGER audit_events_append_only;
            DELETE FROM audit.audit_events WHERE id >= {anchor.Id};
            ALTER TABLE audit.audit_events ENABLE TRIGGER audit_events_append_only;
            """);
        (await trail.VerifyAsync(app.ConnectionString)).Except(earlier).Should().ContainSingle().Which.Should()
            .Be($"tête de chaîne : elle désigne la ligne {last}, la chaîne s'arrête à la ligne {anchor.Id - 1} — lignes finales supprimées ou tête modifiée ?",
                "the chain's head still names the last row written");

        // Whoever cut the tail also moves the head back: then only an anchor shows the cut.
        await ExecuteAsync("UPDATE audit.chain_head SET (id, hash) = (SELECT id, hash FROM audit.audit_events ORDER BY id DESC LIMIT 1)");
        (await trail.VerifyAsync(app.ConnectionString)).Should().Equal(earlier, "without an anchor, a cut tail with its head moved back looks like a shorter chain");
        (await trail.VerifyAsync(app.ConnectionString, anchors: file)).Except(earlier).Should().ContainSingle()
            .Which.Should().Contain($"l'ancre scellait la ligne {anchor.Id}");
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var page = await coordinator.PostFormAsync("/Audit?handler=Verify", new Dictionary<string, string> { ["Anchors"] = anchor.ToString() }, "/Audit");
        // Signing in appended rows again, reusing the deleted numbers: the anchor then sees a different seal.
        (await page.TextAsync()).Should().Contain($"ligne {anchor.Id}").And.Contain("ancre du");
        var garbage = await coordinator.PostFormAsync("/Audit?handler=Verify", new Dictionary<string, string> { ["Anchors"] = "n'importe quoi" }, "/Audit");
        (await garbage.TextAsync()).Should().Contain("ancre ligne 1 illisible");
    }

    [Fact]
    public async Task A_chain_head_moved_back_is_named_and_so_is_the_row_then_chained_on_it()
    {
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var patient = await app.NewPatientAsync("Tête");
        await physician.GetAsync($"/Patients/Chart/{patient.Id}");
        var trail = app.Services.GetRequiredService<AuditChain>();
        // Another test of this class tampers with rows on purpose: compare with what the chain already says.
        var earlier = await trail.VerifyAsync(app.ConnectionString);
        var last = (await trail.TailAsync(app.ConnectionString))!.Id;

        // The head is a shortcut, not evidence: moved back one row, it is caught before anything is appended...
        await ExecuteAsync($"UPDATE audit.chain_head SET (id, hash) = (SELECT id, hash FROM audit.audit_events WHERE id = {last - 1})");
        (await trail.VerifyAsync(app.ConnectionString)).Except(earlier).Should().ContainSingle()
            .Which.Should().StartWith($"tête de chaîne : elle désigne la ligne {last - 1}, la chaîne s'arrête à la ligne {last}");

        // ...and after: the next row reuses the id, which the partitioned key (id, at) no longer forbids.
        await physician.GetAsync($"/Patients/Chart/{patient.Id}");
        (await trail.VerifyAsync(app.ConnectionString)).Except(earlier).Should().Contain($"ligne {last} : en double — ligne insérée ?")
            .And.Contain(p => p.StartsWith($"ligne {last} : ne suit pas"));
    }

    [Fact]
    public async Task The_anchor_commands_append_the_tail_and_verify_against_it_with_exit_codes()
    {
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        await physician.GetAsync($"/Patients/Chart/{(await app.NewPatientAsync("Commande")).Id}");
        var file = Path.Combine(Path.GetTempPath(), $"usmp-anchors-{Guid.NewGuid():N}.txt");
        try
        {
            (await Commands.RunAsync(app.Services, ["anchor-audit", file], TextWriter.Null, TextWriter.Null)).Should().Be(0);
            (await Commands.RunAsync(app.Services, ["anchor-audit", file], TextWriter.Null, TextWriter.Null)).Should().Be(0);
            var lines = await File.ReadAllLinesAsync(file);
            lines.Should().HaveCount(2);
            AuditAnchor.ParseAll(lines, out var unreadable).Should().HaveCount(2);
            unreadable.Should().BeEmpty();
            var problemsBefore = (await app.Services.GetRequiredService<AuditChain>().VerifyAsync(app.ConnectionString)).Count;
            var output = new StringWriter();
            var error = new StringWriter();
            var code = await Commands.RunAsync(app.Services, ["verify-audit", "--anchors", file], output, error);
            // Another test of this class tampers with early rows on purpose: then the exit code is 1 for that reason.
            code.Should().Be(problemsBefore == 0 ? 0 : 1);
            error.ToString().Should().NotContain("ancre");
            if (problemsBefore == 0)
            {
                output.ToString().Should().Contain("2 ancre(s) vérifiée(s)");
            }

            await File.AppendAllTextAsync(file, "pas une ancre\n");
            var garbled = new StringWriter();
            (await Commands.RunAsync(app.Services, ["verify-audit", "--anchors", file], TextWriter.Null, garbled)).Should().Be(1);
            garbled.ToString().Should().Contain("ancre ligne 3 illisible");
            (await Commands.RunAsync(app.Services, ["anchor-audit"], TextWriter.Null, TextWriter.Null)).Should().Be(2, "the file is required");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>As a superuser: the triggers bind every role, the app's own is refused sooner (DatabaseRoleTests).</summary>
    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.AdminConnectionString);
        await connection.OpenAsync();
        await new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync();
    }
}
