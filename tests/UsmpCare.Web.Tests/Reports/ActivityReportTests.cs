using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Reports;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Reports;

public sealed class ActivityReportTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    private static readonly string Quarter = "From=2026-01-01&To=2026-03-31";

    [Fact]
    public async Task Every_indicator_of_the_activity_report_matches_the_hand_count()
    {
        var figures = await WithKnownUnitAsync((db, unitId) => ActivityReport.ComputeAsync(db, unitId, KnownDataset.Quarter));

        // Counted by hand from KnownDataset; every code of the report is listed, so a new indicator needs its count here.
        var expected = new Dictionary<string, double?>
        {
            ["ARR-01"] = 6, ["ARR-02"] = 4, ["ARR-03"] = 2, ["ARR-04"] = 23.0, // median of 8, 10, 36, 48 h
            ["CS-00"] = 7, ["CS-Arrival"] = 5, ["CS-Consultation"] = 2, ["CS-Teleconsultation"] = 0, ["CS-PreRelease"] = 0,
            ["CS-WorkPrevention"] = 0, ["CS-FollowUp"] = 0, ["CS-Emergency"] = 0, ["CS-NURSE"] = 2,
            ["CP-00"] = 3, ["CP-Arrival"] = 0, ["CP-Consultation"] = 0, ["CP-Teleconsultation"] = 0, ["CP-PreRelease"] = 0,
            ["CP-WorkPrevention"] = 0, ["CP-FollowUp"] = 3, ["CP-Emergency"] = 0, ["CP-NURSE"] = 0,
            ["PRL-01"] = 3, ["PRL-02"] = 1, ["PRL-03"] = 1,
            ["DEM-01"] = 6, ["DEM-01-Somatic"] = 4, ["DEM-01-Psychiatric"] = 1, ["DEM-01-Dental"] = 1, ["DEM-01-Other"] = 0,
            ["DEM-02"] = 3, ["DEM-03"] = 48.0, ["DEM-04"] = 67.2, ["DEM-05"] = 2,
            ["EXT-01"] = 6, ["EXT-02"] = 2, ["EXT-03"] = 3, ["EXT-03-EscortUnavailable"] = 1, ["EXT-03-EscortLate"] = 0,
            ["EXT-03-SecurityIncident"] = 0, ["EXT-03-PatientMoved"] = 0, ["EXT-03-HospitalCancelled"] = 1,
            ["EXT-03-PatientRefused"] = 1, ["EXT-03-Other"] = 0,
            ["HOS-01"] = 0, ["HOS-02"] = 1, ["HOS-03"] = 0,
            ["DOC-00"] = 3, ["DOC-FollowUpAttestation"] = 2, ["DOC-InjuryCertificate"] = 1, ["DOC-WorkStoppage"] = 0,
            ["DOC-RegimeAttestation"] = 0, ["DOC-PathologyCertificate"] = 0, ["DOC-DisabilityAccommodation"] = 0,
            ["DOC-MedicalNeed"] = 0, ["DOC-RecommendationSheet"] = 0, ["DOC-ReleasePack"] = 0,
            ["DOC-ExtractionCover"] = 0, ["DOC-InformationSheet"] = 0, ["DOC-Ordonnance"] = 0,
            ["AP-01"] = 4, ["AP-02"] = 1, ["AP-03"] = 2, ["AP-03-NoLegalBasis"] = 1, ["AP-03-MedicalSecrecy"] = 0,
            ["AP-03-NotForTreatingPhysician"] = 0, ["AP-03-PatientRefused"] = 0, ["AP-03-Other"] = 1, ["AP-04"] = 1,
            ["GRV-01"] = 2, ["GRV-02"] = 2, ["GRV-03"] = 1,
            // Issue #21: the unit's appointments lost and why, by cause over the quarter and by month (April's is outside).
            ["RDV-01"] = 6, ["RDV-02"] = 1, ["RDV-03"] = 4, ["RDV-03-RefusedByPatient"] = 1,
            ["RDV-03-NotBrought-StaffShortage"] = 2, ["RDV-03-NotBrought-MovementsBlocked"] = 0, ["RDV-03-NotBrought-NotCalled"] = 0,
            ["RDV-03-NotBrought-OtherPrisonReason"] = 0, ["RDV-03-Absent-Parloir"] = 1, ["RDV-03-Absent-Court"] = 0,
            ["RDV-03-Absent-Activity"] = 0, ["RDV-03-Absent-DisciplinaryQuarters"] = 0, ["RDV-03-ReleasedOrTransferred"] = 0, ["RDV-04"] = 1,
            ["RDV-202601"] = 1, ["RDV-202601-RefusedByPatient"] = 0, ["RDV-202601-NotBrought"] = 1, ["RDV-202601-Absent"] = 0, ["RDV-202601-ReleasedOrTransferred"] = 0,
            ["RDV-202602"] = 2, ["RDV-202602-RefusedByPatient"] = 0, ["RDV-202602-NotBrought"] = 1, ["RDV-202602-Absent"] = 1, ["RDV-202602-ReleasedOrTransferred"] = 0,
            ["RDV-202603"] = 1, ["RDV-202603-RefusedByPatient"] = 1, ["RDV-202603-NotBrought"] = 0, ["RDV-202603-Absent"] = 0, ["RDV-202603-ReleasedOrTransferred"] = 0,
            // P01: by month, ground and physician (ranked by name: 1 = Dr Autre, 2 = Dr Test); April's is outside.
            ["GRD-00"] = 3,
            ["GRD-202601"] = 1, ["GRD-202601-AssaultRisk"] = 1, ["GRD-202601-EscapeRisk"] = 0, ["GRD-202601-Behaviour"] = 0,
            ["GRD-202601-Other"] = 0, ["GRD-202601-DR2"] = 1,
            ["GRD-202602"] = 1, ["GRD-202602-AssaultRisk"] = 1, ["GRD-202602-EscapeRisk"] = 0, ["GRD-202602-Behaviour"] = 0,
            ["GRD-202602-Other"] = 0, ["GRD-202602-DR2"] = 1,
            ["GRD-202603"] = 1, ["GRD-202603-AssaultRisk"] = 0, ["GRD-202603-EscapeRisk"] = 1, ["GRD-202603-Behaviour"] = 0,
            ["GRD-202603-Other"] = 0, ["GRD-202603-DR1"] = 1,
        };
        figures.ToDictionary(i => i.Code, i => i.Value).Should().Equal(expected);
        figures.Single(i => i.Code == "ARR-04").Basis.Should().Be(4);
        figures.Single(i => i.Code == "DEM-03").Basis.Should().Be(3);
        figures.Single(i => i.Code == "GRD-202603-DR1").Label.Should().Be("mars 2026 : Dr Autre");
        figures.Single(i => i.Code == "GRD-00").Shown(leavesUnit: true).Should().Be(Indicator.Masked, "small counts are masked like the rest of the report");
    }

    [Fact]
    public async Task The_partnership_sheet_counts_escorts_and_administration_requests_by_cause()
    {
        var figures = await WithKnownUnitAsync((db, unitId) => ActivityReport.PartnershipAsync(db, unitId, KnownDataset.Quarter));

        var expected = new Dictionary<string, double?>
        {
            ["ESC-01"] = 6, ["ESC-02"] = 3, ["ESC-03"] = 3, ["ESC-03-EscortUnavailable"] = 1, ["ESC-03-EscortLate"] = 0,
            ["ESC-03-SecurityIncident"] = 0, ["ESC-03-PatientMoved"] = 0, ["ESC-03-HospitalCancelled"] = 1,
            ["ESC-03-PatientRefused"] = 1, ["ESC-03-Other"] = 0, ["ESC-04"] = 1, ["ESC-05"] = 1, ["ESC-06"] = 30.0, ["ESC-07"] = 1,
            ["AP-01"] = 4, ["AP-02"] = 1, ["AP-03"] = 2, ["AP-03-NoLegalBasis"] = 1, ["AP-03-MedicalSecrecy"] = 0,
            ["AP-03-NotForTreatingPhysician"] = 0, ["AP-03-PatientRefused"] = 0, ["AP-03-Other"] = 1, ["AP-04"] = 1,
            // Issue #21: the unit's appointments lost and why, by cause over the quarter and by month (April's is outside).
            ["RDV-01"] = 6, ["RDV-02"] = 1, ["RDV-03"] = 4, ["RDV-03-RefusedByPatient"] = 1,
            ["RDV-03-NotBrought-StaffShortage"] = 2, ["RDV-03-NotBrought-MovementsBlocked"] = 0, ["RDV-03-NotBrought-NotCalled"] = 0,
            ["RDV-03-NotBrought-OtherPrisonReason"] = 0, ["RDV-03-Absent-Parloir"] = 1, ["RDV-03-Absent-Court"] = 0,
            ["RDV-03-Absent-Activity"] = 0, ["RDV-03-Absent-DisciplinaryQuarters"] = 0, ["RDV-03-ReleasedOrTransferred"] = 0, ["RDV-04"] = 1,
            ["RDV-202601"] = 1, ["RDV-202601-RefusedByPatient"] = 0, ["RDV-202601-NotBrought"] = 1, ["RDV-202601-Absent"] = 0, ["RDV-202601-ReleasedOrTransferred"] = 0,
            ["RDV-202602"] = 2, ["RDV-202602-RefusedByPatient"] = 0, ["RDV-202602-NotBrought"] = 1, ["RDV-202602-Absent"] = 1, ["RDV-202602-ReleasedOrTransferred"] = 0,
            ["RDV-202603"] = 1, ["RDV-202603-RefusedByPatient"] = 1, ["RDV-202603-NotBrought"] = 0, ["RDV-202603-Absent"] = 0, ["RDV-202603-ReleasedOrTransferred"] = 0,
        };
        figures.ToDictionary(i => i.Code, i => i.Value).Should().Equal(expected);
        figures.Single(i => i.Code == "RDV-03-NotBrought-StaffShortage").Label.Should().Be("Perdus : non amené — effectif insuffisant pour les mouvements");
        figures.Single(i => i.Code == "RDV-202602").Label.Should().Be("février 2026 : rendez-vous perdus");
    }

    [Fact]
    public void Small_counts_and_medians_over_few_events_are_suppressed_only_when_leaving_the_unit()
    {
        var four = new Indicator("X", "S", "Quatre", 4, IndicatorUnit.Count);
        var zero = new Indicator("X", "S", "Zéro", 0, IndicatorUnit.Count);
        var five = new Indicator("X", "S", "Cinq", 5, IndicatorUnit.Count);
        var medianOfThree = new Indicator("X", "S", "Médiane", 48, IndicatorUnit.Hours, Basis: 3);
        var medianOfSix = new Indicator("X", "S", "Médiane", 12.5, IndicatorUnit.Hours, Basis: 6);

        four.Shown(leavesUnit: true).Should().Be("masqué (< 5 cas)");
        zero.Shown(leavesUnit: true).Should().Be("masqué (< 5 cas)");
        five.Shown(leavesUnit: true).Should().Be("5");
        medianOfThree.Shown(leavesUnit: true).Should().Be("masqué (< 5 cas)");
        medianOfThree.ShownWithUnit(leavesUnit: true).Should().Be("masqué (< 5 cas)", "a masked median is not « <5 heures »");
        medianOfSix.ShownWithUnit(leavesUnit: true).Should().Be("12,5 heures");
        medianOfSix.Shown(leavesUnit: true).Should().Be("12,5");
        four.Shown(leavesUnit: false).Should().Be("4");
        medianOfThree.Shown(leavesUnit: false).Should().Be("48,0");
    }

    [Fact]
    public async Task The_csv_export_has_one_row_per_indicator_with_small_counts_suppressed()
    {
        var (unitName, figures) = await WithKnownUnitAsync(async (db, unitId) =>
            ((await db.Units.SingleAsync(u => u.Id == unitId)).Name, await ActivityReport.ComputeAsync(db, unitId, KnownDataset.Quarter)));

        var lines = ReadCsv(ActivityReport.Csv(figures, KnownDataset.Quarter, unitName));

        lines[0].Should().Equal("unite", "debut", "fin", "code", "rubrique", "indicateur", "valeur", "unite_de_mesure");
        lines.Should().HaveCount(figures.Count + 1);
        var byCode = lines.Skip(1).ToDictionary(l => l[3], l => l);
        byCode["DEM-01"][6].Should().Be("6");
        byCode["CS-00"][6].Should().Be("7");
        byCode["ARR-01"][6].Should().Be("6");
        byCode["ARR-02"][6].Should().Be(Indicator.Masked);
        byCode["ARR-04"][6].Should().Be(Indicator.Masked, "a median over four arrivals describes individuals");
        byCode["ARR-04"][7].Should().BeEmpty("a masked median has no unit: « masqué heures » would read as a value");
        byCode["GRV-03"][6].Should().Be(Indicator.Masked);
        byCode["RDV-03-NotBrought-StaffShortage"][6].Should().Be(Indicator.Masked);
        byCode["DEM-01"][1].Should().Be("2026-01-01");
        byCode["DEM-01"][2].Should().Be("2026-03-31");
        byCode["DEM-01"][0].Should().Be(unitName);
    }

    [Fact]
    public async Task The_coordinator_reads_the_report_page_and_downloads_csv_and_pdf_with_the_same_figures()
    {
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var unitId = await app.UnitIdAsync(DemoData.UnitA);
        var today = TestClock.Today;
        var period = new ReportPeriod(today.AddDays(-90), today);
        var query = $"From={period.From:yyyy-MM-dd}&To={period.To:yyyy-MM-dd}";
        var figures = await app.WithDbAsync(db => ActivityReport.ComputeAsync(db, unitId, period));

        var page = await coordinator.GetDocumentAsync("/Reports/Activity?" + query);
        foreach (var figure in figures)
        {
            page.QuerySelector($"td[data-code='{figure.Code}']")!.TextContent.Should().StartWith(figure.Shown(leavesUnit: false));
        }
        page.QuerySelectorAll("svg.chart").Should().HaveCount(5);

        var csv = await coordinator.GetAsync("/Reports/Activity?handler=Csv&" + query);
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var rows = ReadCsv(await csv.Content.ReadAsByteArrayAsync()).Skip(1).ToDictionary(l => l[3], l => l[6]);
        rows.Should().Equal(figures.ToDictionary(f => f.Code, f => f.Shown(leavesUnit: true)));

        var pdf = await (await coordinator.GetAsync("/Reports/Activity?handler=Pdf&" + query)).Content.ReadAsByteArrayAsync();
        var words = Words(pdf);
        words.Should().Contain("Rapport d'activité").And.Contain("Demandes de soins reçues").And.Contain("Grèves de la faim commencées")
            .And.Contain("non nominatif");
        var received = figures.Single(f => f.Code == "DEM-01").Shown(leavesUnit: true);
        words.Should().Contain("Demandes de soins reçues " + received);
    }

    [Fact]
    public async Task A_masked_median_reads_masked_in_the_pdf_and_the_page_never_as_a_number_of_hours()
    {
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        // A month without any arrival: the median of the entry visit's delay rests on no event, so it may not leave.
        const string empty = "From=2001-01-01&To=2001-01-31";

        var pdf = await (await coordinator.GetAsync("/Reports/Activity?handler=Pdf&" + empty)).Content.ReadAsByteArrayAsync();
        var words = Words(pdf);
        words.Should().Contain("Délai médian arrivée → visite masqué (< 5 cas)", "the label wraps after « visite »");
        words.Should().NotContain("heures", "no unit follows a masked figure (it read « <5 heures »)");

        var page = await coordinator.GetDocumentAsync("/Reports/Activity?" + empty);
        var exported = page.QuerySelector("td[data-code='ARR-04']")!.NextElementSibling!.TextContent;
        exported.Should().Be("masqué (< 5 cas)");
    }

    [Fact]
    public async Task A_period_ending_before_it_starts_gets_a_french_message()
    {
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));

        var response = await coordinator.GetAsync("/Reports/Activity?From=2026-03-01&To=2026-01-01");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.TextAsync()).Should().Contain("La fin de la période précède son début.");
    }

    [Fact]
    public async Task The_partnership_sheet_names_no_patient_even_when_a_refusal_text_does()
    {
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var unitId = await app.UnitIdAsync(DemoData.UnitA);
        var patients = await app.WithDbAsync(db => db.Patients.Where(p => p.UnitId == unitId)
            .Select(p => new { p.Id, p.Ecrou, p.LastName, p.FirstName }).ToListAsync());
        var named = patients[0];
        await app.WithDbAsync(async db =>
        {
            var request = new AdministrationRequest(named.Id, unitId, "Certificat de compatibilité avec le quartier disciplinaire", null,
                Guid.NewGuid(), "Direction", DateTimeOffset.UtcNow.AddDays(-2));
            request.Refuse(RefusalGround.NoLegalBasis, $"Refus pour {named.LastName} {named.FirstName}, écrou {named.Ecrou}.", "Dr Test",
                DateTimeOffset.UtcNow.AddDays(-1));
            db.AdministrationRequests.Add(request);
            return await db.SaveChangesAsync();
        });
        var today = TestClock.Today;
        var query = $"From={today.AddDays(-30):yyyy-MM-dd}&To={today:yyyy-MM-dd}";

        var pdf = Words(await (await coordinator.GetAsync("/Reports/Partnership?handler=Pdf&" + query)).Content.ReadAsByteArrayAsync());
        var csv = Encoding.UTF8.GetString(await (await coordinator.GetAsync("/Reports/Partnership?handler=Csv&" + query)).Content.ReadAsByteArrayAsync());

        pdf.Should().Contain("Fiche partenariale").And.Contain("Refusées : aucun texte ne");
        foreach (var identifier in patients.SelectMany(p => new[] { p.Ecrou, p.LastName }))
        {
            // Whole words: a patient called « Escorte » must not be found in the heading « Escortes ».
            var word = new System.Text.RegularExpressions.Regex($@"\b{System.Text.RegularExpressions.Regex.Escape(identifier)}\b");
            word.IsMatch(pdf).Should().BeFalse($"the sheet goes to the prison's direction and must not name « {identifier} »");
            word.IsMatch(csv).Should().BeFalse($"the CSV must not name « {identifier} »");
        }
        csv.Should().Contain("AP-03-NoLegalBasis");
    }

    [Fact]
    public async Task Arrivals_without_an_entry_visit_are_listed_with_the_hours_since_arrival_and_counted_on_the_dashboard()
    {
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var unitId = await app.UnitIdAsync(DemoData.UnitA);
        var arrival = TestClock.Today.AddDays(-3);
        var newcomer = await app.WithDbAsync(async db =>
        {
            var p = new Patient(unitId, Unique.Ecrou('N'), "Nouvelarrivant", "Luc", new DateOnly(1995, 1, 1), Sex.Male, arrival);
            db.Patients.Add(p);
            await db.SaveChangesAsync();
            return p;
        });
        var notSeen = await app.WithDbAsync(db => ActivityReport.ArrivalsNotSeenAsync(db, unitId));

        var page = await physician.GetDocumentAsync("/Reports/Arrivals");
        var row = page.QuerySelectorAll("#not-seen tbody tr").Single(r => r.TextContent.Contains(newcomer.Ecrou, StringComparison.Ordinal));
        var hours = int.Parse(row.QuerySelectorAll("td")[3].TextContent.Replace(" h", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        hours.Should().BeInRange(3 * 24 - 2, 4 * 24 + 2);
        notSeen.Should().Contain(n => n.PatientId == newcomer.Id);

        var dashboard = await physician.GetDocumentAsync("/Dashboard");
        dashboard.QuerySelector("#kpi-arrivals")!.TextContent.Should().Be(notSeen.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Late against the unit's own target, not a fixed 48 h (issue #21, point 4).
        row.ClassList.Should().Contain("overdue", "three days exceed the default 48 h");
        var target = await app.WithDbAsync(db => db.Units.Where(u => u.Id == unitId).Select(u => u.EntryVisitTargetHours).SingleAsync());
        await SetTargetAsync(unitId, 120);
        try
        {
            (await physician.GetDocumentAsync("/Reports/Arrivals")).QuerySelectorAll("#not-seen tbody tr")
                .Single(r => r.TextContent.Contains(newcomer.Ecrou, StringComparison.Ordinal))
                .ClassList.Should().NotContain("overdue", "the unit expects its entry visits within 120 h");
        }
        finally
        {
            await SetTargetAsync(unitId, target);
        }
    }

    private Task<int> SetTargetAsync(Guid unitId, int hours) => app.WithDbAsync(async db =>
    {
        (await db.Units.SingleAsync(u => u.Id == unitId)).SetEntryVisitTarget(hours);
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task The_escort_desk_records_the_kind_the_cause_of_a_cancellation_and_the_escort_lateness()
    {
        var patient = await app.NewPatientAsync("Escorte");
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        foreach (var kind in new[] { "HospitalisationUhsi", "Consultation" })
        {
            (await nurse.PostFormAsync("/Escorts", new Dictionary<string, string>
            {
                ["Ecrou"] = patient.Ecrou, ["At"] = TestClock.Form(TimeSpan.FromDays(2)), ["Kind"] = kind,
                ["PlaceId"] = (await app.PlaceIdAsync()).ToString(), ["EscortLevel"] = "2", ["MedicalReason"] = "Bilan",
            })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }
        var appointments = await app.WithDbAsync(db => db.ExternalAppointments.Where(a => a.PatientId == patient.Id).ToListAsync());
        var stay = appointments.Single(a => a.Kind == Domain.Continuity.AppointmentKind.HospitalisationUhsi);
        var visit = appointments.Single(a => a.Kind == Domain.Continuity.AppointmentKind.Consultation);

        (await nurse.PostFormAsync("/Escorts?handler=Done", new Dictionary<string, string>
            { ["AppointmentId"] = stay.Id.ToString(), ["EscortDelayMinutes"] = "45" }, "/Escorts")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await nurse.PostFormAsync("/Escorts?handler=Cancel", new Dictionary<string, string>
            { ["AppointmentId"] = visit.Id.ToString(), ["Cause"] = "EscortLate" }, "/Escorts")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var refused = await nurse.PostFormAsync("/Escorts?handler=Done", new Dictionary<string, string>
            { ["AppointmentId"] = stay.Id.ToString(), ["EscortDelayMinutes"] = "45" }, "/Escorts");
        (await refused.TextAsync()).Should().Contain("déjà clos");

        var after = await app.WithDbAsync(db => db.ExternalAppointments.Where(a => a.PatientId == patient.Id).ToListAsync());
        after.Single(a => a.Id == stay.Id).EscortDelayMinutes.Should().Be(45);
        after.Single(a => a.Id == visit.Id).CancellationCause.Should().Be(Domain.Continuity.CancellationCause.EscortLate);
        after.Single(a => a.Id == visit.Id).CancelledBy.Should().Be(Domain.Continuity.CancelledBy.PrisonAdministration);
    }

    [Theory]
    [InlineData(Role.PrisonAdministration)]
    [InlineData(Role.Spip)]
    [InlineData(Role.Nurse)]
    public async Task Only_the_coordinator_reads_the_unit_reports(Role role)
    {
        var client = await app.LoginAsAsync(DemoData.Account(role));

        foreach (var url in new[] { "/Reports/Activity?" + Quarter, "/Reports/Activity?handler=Csv&" + Quarter, "/Reports/Partnership?handler=Pdf&" + Quarter })
        {
            var response = await client.GetAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, url);
            response.Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
        }
    }

    private async Task<T> WithKnownUnitAsync<T>(Func<AppDbContext, Guid, Task<T>> work)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unit = await KnownDataset.SeedAsync(db);
        db.ChangeTracker.Clear();
        return await work(db, unit.Id);
    }

    /// <summary>A « ; » CSV with quoted cells, read back as a French spreadsheet would.</summary>
    private static List<string[]> ReadCsv(byte[] bytes)
    {
        bytes.Take(3).Should().Equal(Encoding.UTF8.GetPreamble(), "a French spreadsheet needs the BOM to read UTF-8");
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = new List<string[]>();
        foreach (var line in text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).SelectMany(l => l.Split('\n', StringSplitOptions.RemoveEmptyEntries)))
        {
            var cells = new List<string>();
            var cell = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') { quoted = !quoted; }
                else if (c == ';' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
                else { cell.Append(c); }
            }
            cells.Add(cell.ToString());
            lines.Add([.. cells]);
        }
        return lines;
    }

    private static string Words(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }
}
