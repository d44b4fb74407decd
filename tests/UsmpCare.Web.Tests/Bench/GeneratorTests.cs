using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UsmpCare.Bench.Generation;
using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Auditing;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Bench;

/// <summary>The demo database with a tiny generated hospital loaded by the bench's generator (issue #9).</summary>
public sealed class GeneratedHospital : UsmpFactory
{
    public const double Scale = 0.0005;

    public GenerationReport Report { get; private set; } = null!;

    protected override async Task PrepareDatabaseAsync(string adminConnectionString) =>
        Report = await Generator.RunAsync(new GeneratorOptions(adminConnectionString, Scale, AuditKey: null), TextWriter.Null);
}

public sealed class GeneratorTests(GeneratedHospital app) : IClassFixture<GeneratedHospital>
{
    [Fact]
    public async Task The_generated_hospital_has_ten_units_its_share_of_every_table_and_a_verified_audit_trail()
    {
        app.Report.Rows["somatic.entries"].Should().BeGreaterThan(3_000);
        (await app.WithDbAsync(db => db.Units.CountAsync())).Should().Be(10);
        var present = await app.WithDbAsync(db => db.Patients.Where(p => p.Status == PatientStatus.Present)
            .GroupBy(p => p.UnitId).Select(g => g.Count()).ToListAsync());
        present.Should().HaveCount(10);
        (await app.WithDbAsync(db => db.Patients.CountAsync(p => p.Status == PatientStatus.Present
            && db.Units.Any(u => u.Id == p.UnitId && u.Code == DemoData.UnitA)))).Should().Be(present.Max(), "MA-VIL is the largest unit");
        (await app.WithDbAsync(db => db.CareRequests.CountAsync())).Should().BeGreaterThan(1_000);
        // The demo's own documents are the information sheets handed at entry (P09); the rest are generated.
        (await app.WithDbAsync(db => db.IssuedDocuments.CountAsync(d => d.Pdf.Length > 1_000 && d.Kind != DocumentKind.InformationSheet)))
            .Should().Be((int)app.Report.Rows["documents.issued_documents"]);
        (await app.WithDbAsync(db => db.AuditEvents.CountAsync())).Should().Be((int)app.Report.Rows["audit.audit_events"]);
        (await app.Services.GetRequiredService<AuditChain>().VerifyAsync()).Should().BeEmpty("the generated rows are sealed like the app's");
        (await app.WithDbAsync(db => db.Database.SqlQueryRaw<long>("""
            SELECT count(*) AS "Value" FROM pg_inherits WHERE inhparent = 'audit.audit_events'::regclass
            """).SingleAsync())).Should().BeGreaterThanOrEqualTo(240, "twenty years of monthly partitions");
        // The secondary indexes dropped for the load are rebuilt on the parent and every partition, valid.
        (await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("""
            SELECT i.indexrelid::regclass::text AS "Value" FROM pg_index i
            WHERE i.indrelid = 'audit.audit_events'::regclass AND i.indisvalid ORDER BY 1
            """).ToListAsync())).Should().Equal("audit.ix_audit_events_patient_id_at", "audit.ix_audit_events_unit_id_at",
            "audit.ix_audit_events_user_id", "audit.pk_audit_events");
    }

    [Fact]
    public async Task The_demo_accounts_work_on_the_generated_data_and_new_audit_rows_chain_on()
    {
        var unitId = await app.UnitIdAsync(DemoData.UnitA);
        var heavy = await app.WithDbAsync(db => db.SomaticEntries.Where(e => e.UnitId == unitId).GroupBy(e => e.PatientId)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync());
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        (await physician.GetAsync($"/Patients/Chart/{heavy}")).StatusCode.Should().Be(HttpStatusCode.OK);
        // A partial, accented name finds its patient among the generated ones.
        var names = await app.WithDbAsync(db => db.Patients.Where(p => p.UnitId == unitId && p.Ecrou.Length == 6)
            .Select(p => p.LastName).Distinct().ToListAsync());
        var name = names.OrderByDescending(n => n.Any(c => c > 127)).ThenBy(n => n, StringComparer.Ordinal).First();
        (await (await physician.GetAsync($"/Patients?q={Uri.EscapeDataString(name[..Math.Min(5, name.Length)])}")).TextAsync())
            .Should().Contain(name);
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        (await nurse.GetAsync("/CareRequests")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await nurse.GetAsync("/Dashboard")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.Services.GetRequiredService<AuditChain>().VerifyAsync()).Should().BeEmpty();
    }
}
