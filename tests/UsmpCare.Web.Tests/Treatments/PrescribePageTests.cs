using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Domain.Treatments;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Treatments;

/// <summary>
/// Issue #20, points 1–3: a prescriber writes, signs, changes and prints prescriptions through the pages; bad input is
/// refused in French and stores nothing; the chart's « Traitement en cours » keeps the teams' walls (P30).
/// </summary>
public sealed class PrescribePageTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    private const string Methadone = "99000012";
    private const string Amlodipine = "99000046";
    private const string Amoxicillin = "99000005";

    private static string Url(Guid patientId, Guid? draft = null) =>
        $"/Treatments/Prescribe/{patientId}" + (draft is { } id ? $"?id={id}" : "");

    private static Dictionary<string, string> Line(string cis, string dose = "1", string unit = "gélule(s)", int days = 14,
        string? mode = null, string? end = null, string? reason = null, string times = "Morning")
    {
        var fields = new Dictionary<string, string>
        {
            ["Line.Cis"] = cis, ["Line.Dose"] = dose, ["Line.DoseUnit"] = unit, ["Line.Times"] = times,
            ["Line.Start"] = TestClock.Today.ToString("yyyy-MM-dd"), ["Line.Mode"] = mode ?? "", ["Line.Reason"] = reason ?? "",
        };
        if (end is null)
        {
            fields["Line.DurationDays"] = days.ToString();
        }
        else
        {
            fields["Line.End"] = end;
        }
        return fields;
    }

    private static async Task<HttpResponseMessage> AddLineAsync(HttpClient client, Guid patientId, Dictionary<string, string> line,
        Guid? draft = null) =>
        await client.PostFormAsync($"/Treatments/Prescribe/{patientId}?handler=AddLine" + (draft is { } id ? $"&id={id}" : ""),
            line, Url(patientId, draft));

    private static Guid IdFrom(HttpResponseMessage response) =>
        Guid.Parse(Regex.Match(response.Headers.Location!.OriginalString, "id=([0-9a-f-]{36})").Groups[1].Value);

    private Task<List<Prescription>> PrescriptionsOfAsync(Guid patientId) =>
        app.WithDbAsync(db => db.Prescriptions.AsNoTracking().Where(p => p.PatientId == patientId).OrderBy(p => p.CreatedAt).ToListAsync());

    [Fact]
    public async Task A_physician_prescribes_a_supervised_methadone_and_a_pill_box_line_signs_and_issues_the_secured_ordonnance()
    {
        var patient = await app.NewPatientAsync("Prescrit");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));

        var search = (await physician.GetDocumentAsync(Url(patient.Id) + "?q=methadne")).QuerySelectorAll("input[name='Line.Cis']")
            .Select(i => i.GetAttribute("value")).ToList();
        search.Should().Contain(Methadone, "the search tolerates a missing letter");
        var first = await AddLineAsync(physician, patient.Id, Line(Methadone));
        first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var draft = IdFrom(first);
        (await AddLineAsync(physician, patient.Id, Line(Amlodipine, days: 30, mode: "WeeklyPillBox"), draft))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var signed = await physician.PostFormAsync($"/Treatments/Prescribe/{patient.Id}?handler=Sign&id={draft}", [], Url(patient.Id, draft));

        signed.Headers.Location!.OriginalString.Should().StartWith($"/Treatments/Ordonnance/{patient.Id}");
        var stored = (await PrescriptionsOfAsync(patient.Id)).Single();
        stored.Status.Should().Be(PrescriptionStatus.Signed);
        stored.PrescriberName.Should().Be("Dr Claire Martin");
        stored.Lines.Select(l => (l.Cis, l.Mode)).Should().Equal((Methadone, DistributionMode.Supervised), (Amlodipine, DistributionMode.WeeklyPillBox));

        var ordonnance = signed.Headers.Location!.OriginalString;
        (await physician.PostFormAsync(ordonnance, [])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var issued = await app.WithDbAsync(db => db.IssuedDocuments.AsNoTracking()
            .SingleAsync(d => d.PatientId == patient.Id && d.Kind == DocumentKind.Ordonnance));
        issued.SourceEntryId.Should().Be(stored.Id);
        var link = (await physician.GetDocumentAsync(ordonnance)).QuerySelector("#issued a")!.GetAttribute("href")!;
        var pdf = await (await physician.GetAsync(link)).Content.ReadAsByteArrayAsync();
        pdf.Should().Equal(issued.Pdf, "what is printed is what was issued");
        var lines = OrdonnanceTests.PrintedLines(pdf);
        lines.Should().Contain(l => l.Contains("tél. 01 23 45 67 89"), "P15: the unit's phone is printed on one line");
        var text = string.Join(" ", lines);
        text.Should().Contain("Ordonnance sécurisée").And.Contain("Dr Claire Martin, RPPS 10003456789")
            .And.Contain("METHADONE AP-HP 40 mg, gélule : 1 (un) gélule(s) le matin, prise devant l'infirmier, pendant 14 (quatorze) jours")
            .And.Contain("AMLODIPINE DEMO 5 mg, gélule : 1 gélule(s) le matin, pilulier hebdomadaire, pendant 30 jours")
            .And.Contain("Nombre de spécialités").And.Contain("2 (deux)");
    }

    public static TheoryData<string, Dictionary<string, string>, string> BadLines => new()
    {
        { "unknown drug code", Line("99999999"), "Le médicament de code « 99999999 » est inconnu du référentiel" },
        { "dose 0", Line(Amlodipine, dose: "0"), "La dose doit être supérieure à zéro." },
        { "absurd dose", Line(Amlodipine, dose: "9000", unit: "mg"), "Dose de 9000 mg par prise invraisemblable" },
        { "end before start", Line(Amlodipine, end: TestClock.Today.AddDays(-3).ToString("yyyy-MM-dd")), "La date de fin précède la date de début." },
        { "methadone for 20 days", Line(Methadone, days: 20), "La méthadone se prescrit pour 14 jours au plus (stupéfiant)" },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public async Task A_bad_line_is_refused_in_french_and_nothing_is_stored(string what, Dictionary<string, string> line, string message)
    {
        var patient = await app.NewPatientAsync("Refus");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));

        var response = await AddLineAsync(physician, patient.Id, line);

        response.StatusCode.Should().Be(HttpStatusCode.OK, what);
        (await response.TextAsync()).Should().Contain(message, what);
        (await PrescriptionsOfAsync(patient.Id)).Should().BeEmpty(what);
    }

    [Fact]
    public async Task An_allergy_clash_is_refused_without_a_reason_and_kept_with_it()
    {
        var patient = await app.NewPatientAsync("Allergique");
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Patients.SingleAsync(p => p.Id == patient.Id);
            stored.Allergies.Record(AllergenKind.Drug, "AMOXICILLINE", "90004", "urticaire", AllergySeverity.Moderate, "Dr Test", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));

        var refused = await (await AddLineAsync(physician, patient.Id, Line(Amoxicillin, unit: "comprimé(s)", days: 7))).TextAsync();

        refused.Should().Contain("Allergie connue du patient : « AMOXICILLINE »").And.Contain("indiquez-en le motif");
        (await PrescriptionsOfAsync(patient.Id)).Should().BeEmpty();
        (await AddLineAsync(physician, patient.Id, Line(Amoxicillin, unit: "comprimé(s)", days: 7, reason: "Tolérance vérifiée, avis allergologue")))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await PrescriptionsOfAsync(patient.Id)).Single().Lines.Single().Reason.Should().Be("Tolérance vérifiée, avis allergologue");
    }

    [Fact]
    public async Task A_same_substance_line_of_the_other_teams_hidden_treatment_warns_the_prescriber_without_naming_it()
    {
        // P30: no sharing agreed, so the somatic physician does not read the psychiatric line — yet he is warned of the
        // clash, without the drug being named (issue #20, point 8).
        var patient = await app.NewPatientAsync("Cloison");
        var psychiatrist = await app.LoginAsAsync(DemoData.Account(Role.Psychiatrist));
        var draft = IdFrom(await AddLineAsync(psychiatrist, patient.Id, Line(Methadone, days: 5)));
        await psychiatrist.PostFormAsync($"/Treatments/Prescribe/{patient.Id}?handler=Sign&id={draft}", [], Url(patient.Id, draft));
        (await PrescriptionsOfAsync(patient.Id)).Should().ContainSingle(p => p.IsSigned);
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));

        var refused = HttpClientExtensions.Parse(await (await AddLineAsync(physician, patient.Id, Line(Methadone, days: 5))).TextAsync());

        var alert = refused.QuerySelector(".alert.error")!.TextContent;
        alert.Should().Contain("Un traitement prescrit par l'autre équipe interagit avec cette prescription : contactez-la.")
            .And.NotContainEquivalentOf("methadone", "the hidden line is not named");
        (await PrescriptionsOfAsync(patient.Id)).Should().ContainSingle("the somatic draft is not stored without a reason");
    }

    [Fact]
    public async Task Modify_and_stop_write_new_versions_and_the_chart_shows_the_current_one_flagged_when_it_ends_within_a_week()
    {
        var patient = await app.NewPatientAsync("Versions");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var draft = IdFrom(await AddLineAsync(physician, patient.Id, Line(Methadone, days: 5)));
        await physician.PostFormAsync($"/Treatments/Prescribe/{patient.Id}?handler=Sign&id={draft}", [], Url(patient.Id, draft));

        var modified = await physician.PostFormAsync($"/Treatments/Prescribe/{patient.Id}?handler=Modify",
            new Dictionary<string, string> { ["PrescriptionId"] = draft.ToString() }, Url(patient.Id));
        var version = IdFrom(modified);
        await physician.PostFormAsync($"/Treatments/Prescribe/{patient.Id}?handler=RemoveLine&id={version}",
            new Dictionary<string, string> { ["Number"] = "0" }, Url(patient.Id, version));
        await AddLineAsync(physician, patient.Id, Line(Methadone, dose: "2", days: 14), version);
        await physician.PostFormAsync($"/Treatments/Prescribe/{patient.Id}?handler=Sign&id={version}", [], Url(patient.Id, version));

        var chart = (await physician.GetDocumentAsync($"/Patients/Chart/{patient.Id}")).QuerySelector("#active-treatment")!.TextContent;
        chart.Should().Contain("2 gélule(s) le matin").And.NotContain(": 1 gélule(s)", "the first version is superseded")
            .And.NotContain("fin le", "fourteen days from today is not within the week");
        (await physician.PostFormAsync($"/Treatments/Prescribe/{patient.Id}?handler=Modify",
            new Dictionary<string, string> { ["PrescriptionId"] = draft.ToString() }, Url(patient.Id)))
            .StatusCode.Should().Be(HttpStatusCode.OK, "a superseded version is not changed again");

        var stopped = await physician.PostFormAsync($"/Treatments/Prescribe/{patient.Id}?handler=Stop",
            new Dictionary<string, string> { ["PrescriptionId"] = version.ToString(), ["StopReason"] = "Relais par buprénorphine" }, Url(patient.Id));

        stopped.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var versions = await PrescriptionsOfAsync(patient.Id);
        versions.Select(p => (p.Change, p.Status)).Should().Equal(
            (PrescriptionChange.New, PrescriptionStatus.Signed), (PrescriptionChange.Modification, PrescriptionStatus.Signed),
            (PrescriptionChange.Stop, PrescriptionStatus.Signed));
        versions[2].StopReason.Should().Be("Relais par buprénorphine");
        (await physician.GetDocumentAsync($"/Patients/Chart/{patient.Id}")).QuerySelector("#active-treatment")!.TextContent
            .Should().Contain("Aucun traitement prescrit en cours");
    }

    [Fact]
    public async Task The_chart_flags_a_line_ending_within_seven_days()
    {
        var patient = await app.NewPatientAsync("Fin");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var draft = IdFrom(await AddLineAsync(physician, patient.Id, Line(Amlodipine, days: 7)));
        await physician.PostFormAsync($"/Treatments/Prescribe/{patient.Id}?handler=Sign&id={draft}", [], Url(patient.Id, draft));

        (await physician.GetDocumentAsync($"/Patients/Chart/{patient.Id}")).QuerySelector("#active-treatment")!.TextContent
            .Should().Contain($"fin le {TestClock.Today.AddDays(6):dd/MM/yyyy}");
    }

    [Fact]
    public async Task The_other_teams_treatment_shows_on_the_chart_only_under_the_patients_sharing_agreement()
    {
        var patient = await app.NewPatientAsync("Murs");
        var psychiatrist = await app.LoginAsAsync(DemoData.Account(Role.Psychiatrist));
        var draft = IdFrom(await AddLineAsync(psychiatrist, patient.Id, Line("99000027", unit: "comprimé(s)", days: 28)));
        await psychiatrist.PostFormAsync($"/Treatments/Prescribe/{patient.Id}?handler=Sign&id={draft}", [], Url(patient.Id, draft));
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));

        var walled = (await physician.GetDocumentAsync($"/Patients/Chart/{patient.Id}")).QuerySelector("#active-treatment")!.TextContent;
        await physician.RecordAsync(patient.Id, ConsentTopic.TeamSharing, ConsentDecision.Agreed);
        var shared = (await physician.GetDocumentAsync($"/Patients/Chart/{patient.Id}")).QuerySelector("#active-treatment")!.TextContent;

        walled.Should().NotContain("ZYPREXA");
        shared.Should().Contain("ZYPREXA 10 mg");
        (await physician.GetAsync(Url(patient.Id))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await physician.PostFormAsync($"/Treatments/Prescribe/{patient.Id}?handler=Stop",
            new Dictionary<string, string> { ["PrescriptionId"] = draft.ToString(), ["StopReason"] = "essai" }, Url(patient.Id)))
            .StatusCode.Should().Be(HttpStatusCode.OK, "P30: only the prescribing team changes its prescription");
        (await PrescriptionsOfAsync(patient.Id)).Should().ContainSingle();
    }

    [Theory]
    [InlineData(Role.Nurse)]
    [InlineData(Role.Secretary)]
    [InlineData(Role.PrisonAdministration)]
    public async Task Who_does_not_prescribe_cannot_open_the_prescribing_page(Role role)
    {
        var patient = await app.NewPatientAsync("Interdit");
        var client = await app.LoginAsAsync(DemoData.Account(role));

        var response = await client.GetAsync(Url(patient.Id));

        response.Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
    }
}
