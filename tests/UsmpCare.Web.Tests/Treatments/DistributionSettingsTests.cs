using System.Net;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Security;
using UsmpCare.Domain.Treatments;
using UsmpCare.Domain.Units;
using UsmpCare.Web.Auditing;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Treatments;

/// <summary>
/// Issue #20 points 2 and 6: the coordinator sets his unit's default distribution mode per drug class and the missed-dose
/// threshold (1 to 10) at « Paramètres de distribution »; bad input and another unit are refused and change nothing.
/// </summary>
public sealed class DistributionSettingsTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    private const string Url = "/Treatments/Settings";

    [Fact]
    public async Task The_coordinator_sets_his_units_modes_and_threshold_and_the_change_is_audited()
    {
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var page = await coordinator.GetDocumentAsync(Url);
        var unitId = Guid.Parse(page.QuerySelector("input[name=UnitId]")!.GetAttribute("value")!);
        page.QuerySelector("#mode-Substitution option[selected]")!.TextContent.Should().Be("prise devant l'infirmier");

        var saved = await coordinator.PostFormAsync(Url, Form(unitId, "2", ("Benzodiazepine", "Supervised"), ("Substitution", "Daily")));
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var stored = await DefaultsAsync(unitId);
        stored!.MissedDosesBeforeAlert.Should().Be(2);
        stored.ModeFor(DrugClass.Benzodiazepine).Should().Be(DistributionMode.Supervised);
        stored.ModeFor(DrugClass.Substitution).Should().Be(DistributionMode.Daily);
        var shown = await coordinator.GetDocumentAsync(Url);
        shown.QuerySelector("#threshold")!.GetAttribute("value").Should().Be("2");
        shown.QuerySelector("#mode-Benzodiazepine option[selected]")!.TextContent.Should().Be("prise devant l'infirmier");
        shown.Body!.TextContent.Should().Contain("le prescripteur est alerté après 2 dose(s) supervisée(s) manquée(s) d'affilée");
        (await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.Write && e.Target == Url && e.UnitId == unitId)))
            .Should().BeTrue("a change of how the unit hands out drugs is in the coordinator's audit trail");
    }

    [Fact]
    public async Task The_mode_set_for_a_class_is_the_default_of_a_new_line_of_that_class()
    {
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var unitId = await CurrentUnitAsync(coordinator);
        (await coordinator.PostFormAsync(Url, Form(unitId, "3", ("Benzodiazepine", "Supervised"), ("Other", "Daily"))))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var patient = await app.NewPatientAsync("Anxieux");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var prescribe = $"/Treatments/Prescribe/{patient.Id}";

        foreach (var cis in new[] { "99000019", "99000046" })
        {
            var draft = await DraftIdAsync(patient.Id);
            (await physician.PostFormAsync(prescribe + "?handler=AddLine" + (draft is { } id ? $"&id={id}" : ""), new Dictionary<string, string>
            {
                ["Line.Cis"] = cis, ["Line.Dose"] = "1", ["Line.DoseUnit"] = "comprimé(s)", ["Line.Times"] = "Evening",
                ["Line.Start"] = TestClock.Today.ToString("yyyy-MM-dd"), ["Line.DurationDays"] = "7", ["Line.Mode"] = "", ["Line.Reason"] = "",
            }, prescribe + (draft is { } shown ? $"?id={shown}" : ""))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var lines = await app.WithDbAsync(db => db.Prescriptions.AsNoTracking().Where(p => p.PatientId == patient.Id)
            .SelectMany(p => p.Lines).ToListAsync());
        lines.Should().Contain(l => l.DrugName.StartsWith("SERESTA") && l.Mode == DistributionMode.Supervised,
            "the unit gives its benzodiazepines in front of the nurse");
        lines.Should().Contain(l => l.DrugName.StartsWith("AMLODIPINE") && l.Mode == DistributionMode.Daily);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    [InlineData("")]
    public async Task A_threshold_out_of_one_to_ten_gets_a_french_message_and_changes_nothing(string threshold)
    {
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var unitId = await CurrentUnitAsync(coordinator);
        var before = await DefaultsAsync(unitId);

        var refused = await coordinator.PostFormAsync(Url, Form(unitId, threshold, ("Antidepressant", "HeldByPatient")));
        var text = await refused.TextAsync();
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        text.Should().Contain("de 1 à 10");

        var after = await DefaultsAsync(unitId);
        after?.MissedDosesBeforeAlert.Should().Be(before?.MissedDosesBeforeAlert);
        (after?.ModeFor(DrugClass.Antidepressant) ?? DistributionMode.Daily).Should().NotBe(DistributionMode.HeldByPatient,
            "the modes posted with a refused threshold are not kept either");
    }

    [Theory]
    [InlineData("Modes[Antipsychotic]", "Teleportation", "La valeur « Teleportation » ne fait pas partie des choix proposés.")]
    [InlineData("Modes[Antipsychotic]", "7", "La valeur « 7 » ne fait pas partie des choix proposés.")]
    [InlineData("Modes[42]", "Supervised", "Classe de médicament ou mode de distribution inconnu.")]
    [InlineData("Threshold", "trois", "La valeur « trois » n'est pas valide.")]
    public async Task An_unknown_class_or_mode_or_a_threshold_that_is_no_number_is_refused_in_french(string field, string value, string message)
    {
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var unitId = await CurrentUnitAsync(coordinator);
        var before = await DefaultsAsync(unitId);
        var form = Form(unitId, "1");
        form[field] = value;

        var refused = await coordinator.PostFormAsync(Url, form);
        refused.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.BadRequest);
        (await refused.TextAsync()).Should().Contain(message);
        (await DefaultsAsync(unitId))?.MissedDosesBeforeAlert.Should().Be(before?.MissedDosesBeforeAlert);
    }

    [Fact]
    public async Task Another_units_defaults_are_refused_and_stay_as_they_were()
    {
        var other = await app.WithDbAsync(async db =>
        {
            var unit = new Unit(Unique.UnitCode("DIST"), "USMP d'une autre unité", EstablishmentType.MA, "CH voisin",
                "01 00 00 00 01", "2 rue du Test, 75000 Paris");
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            return unit.Id;
        });
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));

        var refused = await coordinator.PostFormAsync(Url, Form(other, "1", ("Substitution", "HeldByPatient")), Url);
        refused.StatusCode.Should().Be(HttpStatusCode.Redirect);
        refused.Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
        (await DefaultsAsync(other)).Should().BeNull("nothing is written for a unit the coordinator does not lead");
    }

    [Theory]
    [InlineData(Role.Physician)]
    [InlineData(Role.Pharmacist)]
    [InlineData(Role.Administrator)]
    public async Task Only_the_coordinator_opens_the_settings(Role role)
    {
        var client = await app.LoginAsAsync(DemoData.Account(role));
        var response = await client.GetAsync(Url);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
    }

    private static Dictionary<string, string> Form(Guid unitId, string threshold, params (string Class, string Mode)[] modes)
    {
        var form = new Dictionary<string, string> { ["UnitId"] = unitId.ToString(), ["Threshold"] = threshold };
        foreach (var (drugClass, mode) in modes)
        {
            form[$"Modes[{drugClass}]"] = mode;
        }
        return form;
    }

    private Task<Guid?> DraftIdAsync(Guid patientId) =>
        app.WithDbAsync(db => db.Prescriptions.Where(p => p.PatientId == patientId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync());

    private static async Task<Guid> CurrentUnitAsync(HttpClient client) =>
        Guid.Parse((await client.GetDocumentAsync(Url)).QuerySelector("input[name=UnitId]")!.GetAttribute("value")!);

    private Task<DistributionDefaults?> DefaultsAsync(Guid unitId) =>
        app.WithDbAsync(db => db.DistributionDefaults.AsNoTracking().FirstOrDefaultAsync(d => d.UnitId == unitId));
}
