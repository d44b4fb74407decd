using System.Net;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Treatments;

/// <summary>
/// Issue #20, the walls: the nurse who hands out the treatment reads drug, dose, times and mode on the chart — and not the
/// other team's notes, diagnoses or treatments without the patient's agreement to sharing (P30).
/// </summary>
public sealed class NurseTreatmentViewTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task The_somatic_nurse_reads_her_team_s_treatment_and_nothing_of_the_psychiatric_record()
    {
        var patient = await app.NewPatientAsync("Distribution");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var somatic = Clinic.ConsultationForm(patient.Id, "Angine érythémateuse.");
        somatic["Input.Prescriptions[0].Text"] = "Amoxicilline 1 g";
        somatic["Input.Prescriptions[0].Dosage"] = "1 g matin et soir, prise devant l'infirmier";
        somatic["Input.Prescriptions[0].Duration"] = "6 jours";
        somatic["Input.Prescriptions[0].Consented"] = "true";
        (await physician.PostConsultationAsync("Sign", somatic)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var psychiatrist = await app.LoginAsAsync(DemoData.Account(Role.Psychiatrist));
        var psychiatric = Clinic.ConsultationForm(patient.Id, "Idées noires depuis le parloir annulé.");
        psychiatric["Input.Diagnoses[0]"] = "F32.1";
        psychiatric["Input.Prescriptions[0].Text"] = "Sertraline 50 mg";
        psychiatric["Input.Prescriptions[0].Dosage"] = "1 gélule le matin";
        psychiatric["Input.Prescriptions[0].Consented"] = "true";
        (await psychiatrist.PostConsultationAsync("Sign", psychiatric)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));

        var chart = (await nurse.GetDocumentAsync($"/Patients/Chart/{patient.Id}")).Body!.TextContent;

        chart.Should().Contain("Amoxicilline 1 g").And.Contain("1 g matin et soir, prise devant l'infirmier").And.Contain("6 jours");
        chart.Should().NotContain("Sertraline").And.NotContain("Idées noires").And.NotContain("F32.1").And.NotContain("pisode dépressif");
    }
}
