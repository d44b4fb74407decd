using System.Net;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Records;

/// <summary>The physician's consultation: the consent gates (P08, P10), the guard (P01), P28, signing.</summary>
public sealed class ConsultationTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task A_consultation_cannot_be_signed_without_consent_and_the_draft_is_kept()
    {
        var patient = await app.NewPatientAsync();
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));

        var response = await physician.PostConsultationAsync("Sign",
            Clinic.ConsultationForm(patient.Id, "Note écrite avant le consentement", ConsentStatus.NotRecorded));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.TextAsync();
        html.Should().Contain("consentement du patient doit être recueilli").And.Contain("(P08)");
        html.Should().Contain("Note écrite avant le consentement");
        var draftId = (await app.EntriesOfAsync(patient.Id, Team.Somatic)).Single().Id;
        HttpClientExtensions.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("button.primary")!.GetAttribute("formaction")
            .Should().Be($"/Records/Consultation/{draftId}?handler=Sign", "signing again goes to the same draft, never a second one");
        var entries = await app.EntriesOfAsync(patient.Id, Team.Somatic);
        entries.Should().ContainSingle().Which.Should().Match<ClinicalEntry>(e =>
            e.Status == EntryStatus.Draft && e.Note == "Note écrite avant le consentement");
    }

    [Fact]
    public async Task A_refusal_is_signed_as_a_refusal_and_nothing_else()
    {
        var patient = await app.NewPatientAsync();
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var form = Clinic.ConsultationForm(patient.Id, "Refuse l'examen ce jour.", ConsentStatus.Refused);
        form["Input.Diagnoses[0]"] = "I10";

        var withDiagnosis = await (await physician.PostConsultationAsync("Sign", form)).TextAsync();
        withDiagnosis.Should().Contain("Le patient a refusé la consultation");

        var draftId = (await app.EntriesOfAsync(patient.Id, Team.Somatic)).Single().Id;
        var version = (await app.EntriesOfAsync(patient.Id, Team.Somatic)).Single().Version;
        form.Remove("Input.Diagnoses[0]");
        form["Input.Findings"] = "";
        form["Input.Version"] = version.ToString();
        var signed = await physician.PostConsultationAsync("Sign", form, draftId);

        signed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var entry = (await app.EntriesOfAsync(patient.Id, Team.Somatic)).Single();
        entry.Status.Should().Be(EntryStatus.Signed);
        entry.Consent.Should().Be(ConsentStatus.Refused);
        (await physician.GetDocumentAsync($"/Patients/Chart/{patient.Id}")).Body!.TextContent.Should().Contain("refus du patient");
    }

    [Fact]
    public async Task A_guard_in_the_room_requires_the_physicians_security_reason()
    {
        var patient = await app.NewPatientAsync();
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var form = Clinic.ConsultationForm(patient.Id);
        form["Input.GuardPresent"] = "true";

        var refused = await (await physician.PostConsultationAsync("Sign", form)).TextAsync();
        refused.Should().Contain("indiquez la raison de sécurité").And.Contain("choisissez le motif de sécurité");

        var draft = (await app.EntriesOfAsync(patient.Id, Team.Somatic)).Single();
        form["Input.GuardReason"] = "Agression d'un soignant la semaine dernière";
        form["Input.Version"] = draft.Version.ToString();
        var withoutGround = await (await physician.PostConsultationAsync("Sign", form, draft.Id)).TextAsync();
        withoutGround.Should().Contain("choisissez le motif de sécurité");
        (await app.EntriesOfAsync(patient.Id, Team.Somatic)).Single().Status.Should().Be(EntryStatus.Draft);

        form["Input.GuardGround"] = "Behaviour";
        form["Input.Version"] = (await app.EntriesOfAsync(patient.Id, Team.Somatic)).Single().Version.ToString();
        (await physician.PostConsultationAsync("Sign", form, draft.Id)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var signed = (await app.EntriesOfAsync(patient.Id, Team.Somatic)).Single();
        signed.Status.Should().Be(EntryStatus.Signed);
        signed.GuardReason.Should().Be("Agression d'un soignant la semaine dernière");
        signed.GuardGround.Should().Be(GuardGround.Behaviour);

        // P01: the coordinator's dashboard counts this month's guarded consultations by ground and by physician.
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var dashboard = await coordinator.GetDocumentAsync("/Dashboard");
        int.Parse(dashboard.QuerySelector("#kpi-guarded")!.TextContent).Should().BePositive();
        dashboard.QuerySelectorAll("#guarded-grounds tr").Select(r => r.TextContent).Should().Contain(r => r.Contains("Personnalité, comportement"));
        dashboard.QuerySelectorAll("#guarded-physicians tr").Select(r => r.TextContent).Should().Contain(r => r.Contains(signed.SignedByName!));
    }

    [Fact]
    public async Task Each_prescription_and_recommendation_needs_the_patients_consent()
    {
        var patient = await app.NewPatientAsync();
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var form = Clinic.ConsultationForm(patient.Id);
        form["Input.Diagnoses[0]"] = "J45.9 — Asthme, sans précision";
        form["Input.Prescriptions[0].Kind"] = "Prescription";
        form["Input.Prescriptions[0].Text"] = "Salbutamol 100 µg";
        form["Input.Prescriptions[0].Dosage"] = "2 bouffées si besoin";
        form["Input.Prescriptions[1].Kind"] = "Recommendation";
        form["Input.Prescriptions[1].Text"] = "Matelas supplémentaire";

        var refused = await (await physician.PostConsultationAsync("Sign", form)).TextAsync();
        refused.Should().Contain("« Salbutamol 100 µg » : le consentement du patient").And.Contain("(P10)");
        refused.Should().Contain("« Matelas supplémentaire » : le consentement du patient à cette préconisation");

        var draft = (await app.EntriesOfAsync(patient.Id, Team.Somatic)).Single();
        form["Input.Prescriptions[0].Consented"] = "true";
        form["Input.Prescriptions[1].Consented"] = "true";
        form["Input.Version"] = draft.Version.ToString();
        (await physician.PostConsultationAsync("Sign", form, draft.Id)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var chart = (await physician.GetDocumentAsync($"/Patients/Chart/{patient.Id}")).Body!.TextContent;
        chart.Should().Contain("Asthme, sans précision (J45.9)");
        chart.Should().Contain("Salbutamol 100 µg 2 bouffées si besoin");
    }

    [Fact]
    public async Task An_unknown_cim10_code_gets_a_french_message_and_loses_nothing()
    {
        var patient = await app.NewPatientAsync();
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var form = Clinic.ConsultationForm(patient.Id, "Texte à ne pas perdre");
        form["Input.Diagnoses[0]"] = "ZZ9";

        var html = await (await physician.PostConsultationAsync("Save", form)).TextAsync();

        html.Should().Contain("« ZZ9 » n'est pas un code CIM-10 connu");
        html.Should().Contain("Texte à ne pas perdre");
        html.Should().Contain("value=\"ZZ9\"");
    }

    [Fact]
    public async Task A_prevention_visit_by_the_treating_physician_asks_for_a_reason_and_is_reported()
    {
        var patient = await app.NewPatientAsync("Prévention");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        (await physician.PostConsultationAsync("Sign", Clinic.ConsultationForm(patient.Id))).StatusCode
            .Should().Be(HttpStatusCode.Redirect, "the physician first treats the patient");

        var form = Clinic.ConsultationForm(patient.Id, "Poste en cuisine : risques expliqués.", type: ConsultationType.WorkPrevention);
        var refused = await (await physician.PostConsultationAsync("Sign", form)).TextAsync();
        refused.Should().Contain("Vous avez déjà soigné ce patient").And.Contain("(P28)");

        var draft = (await app.EntriesOfAsync(patient.Id, Team.Somatic)).Single(e => e.Status == EntryStatus.Draft);
        form["Input.TreatingPhysicianReason"] = "Seul médecin présent cette semaine";
        form["Input.Version"] = draft.Version.ToString();
        (await physician.PostConsultationAsync("Sign", form, draft.Id)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var report = (await coordinator.GetDocumentAsync("/Reports/PreventionVisits")).Body!.TextContent;
        report.Should().Contain("Seul médecin présent cette semaine").And.Contain(patient.Ecrou);

        // A prevention visit by a physician who never treated the patient signs without a reason and is not listed.
        var other = await app.NewPatientAsync("Prévenu");
        (await physician.PostConsultationAsync("Sign", Clinic.ConsultationForm(other.Id, "Poste en atelier.", type: ConsultationType.WorkPrevention)))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await coordinator.GetDocumentAsync("/Reports/PreventionVisits")).Body!.TextContent.Should().NotContain(other.Ecrou);
    }

    [Fact]
    public async Task A_signed_consultation_is_final_in_the_application()
    {
        var patient = await app.NewPatientAsync();
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        (await physician.PostConsultationAsync("Sign", Clinic.ConsultationForm(patient.Id, "Version signée")))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var signed = (await app.EntriesOfAsync(patient.Id, Team.Somatic)).Single();

        var form = Clinic.ConsultationForm(patient.Id, "Tentative de réécriture");
        form["Input.Version"] = signed.Version.ToString();
        var response = await physician.PostAsync($"/Records/Consultation/{signed.Id}?handler=Save",
            new FormUrlEncodedContent(form.Append(new("__RequestVerificationToken",
                await TokenAsync(physician, $"/Patients/Chart/{patient.Id}")))));

        (await response.TextAsync()).Should().Contain("ne peut plus être modifiée");
        (await app.EntriesOfAsync(patient.Id, Team.Somatic)).Single().Note.Should().Be("Version signée");
    }

    [Fact]
    public async Task The_nurse_and_the_secretariat_cannot_open_the_consultation_editor()
    {
        var patient = await app.NewPatientAsync();
        foreach (var role in new[] { Role.Nurse, Role.Secretary })
        {
            var client = await app.LoginAsAsync(DemoData.Account(role));
            var response = await client.GetAsync($"/Records/Consultation?patientId={patient.Id}");
            response.Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
        }
    }

    private static async Task<string> TokenAsync(HttpClient client, string url) =>
        (await client.GetDocumentAsync(url)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
}
