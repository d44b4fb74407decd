using System.Net;
using AngleSharp.Html.Dom;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Records;

public sealed class ConcurrencyTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task Two_people_saving_the_same_draft_the_second_gets_a_conflict_and_keeps_their_text()
    {
        var patient = await app.NewPatientAsync();
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var created = await physician.PostConsultationAsync("Save", Clinic.ConsultationForm(patient.Id, "Première version"));
        var draftId = Clinic.DraftIdFrom(created);
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));

        // Both open the draft.
        var formA = await FormOfAsync(physician, draftId);
        var formB = await FormOfAsync(coordinator, draftId);

        formB["Input.Note"] = "Ajout du coordonnateur";
        (await coordinator.PostAsync($"/Records/Consultation/{draftId}?handler=Save", new FormUrlEncodedContent(formB)))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        formA["Input.Note"] = "Ajout du médecin, écrit en même temps";
        var conflict = await physician.PostAsync($"/Records/Consultation/{draftId}?handler=Save", new FormUrlEncodedContent(formA));

        conflict.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await conflict.TextAsync();
        html.Should().Contain("modifié par quelqu'un d'autre");
        html.Should().Contain("Ajout du médecin, écrit en même temps", "the second writer's text is not lost");
        html.Should().Contain("Ajout du coordonnateur", "the saved version is shown beside it");
        (await app.EntriesOfAsync(patient.Id, Team.Somatic)).Single().Note.Should().Be("Ajout du coordonnateur");
    }

    /// <summary>Reads every field of the consultation form as the browser would post it.</summary>
    private static async Task<Dictionary<string, string>> FormOfAsync(HttpClient client, Guid draftId)
    {
        var document = await client.GetDocumentAsync($"/Records/Consultation/{draftId}");
        var form = document.QuerySelector("form.consultation")!;
        var fields = new Dictionary<string, string>();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case IHtmlInputElement { Type: "radio" or "checkbox" } box:
                    if (box.IsChecked)
                    {
                        fields[name] = box.Value;
                    }
                    break;
                case IHtmlInputElement input:
                    fields[name] = input.Value;
                    break;
                case IHtmlTextAreaElement text:
                    fields[name] = text.Value;
                    break;
                case IHtmlSelectElement select:
                    fields[name] = select.Value ?? "";
                    break;
            }
        }
        return fields;
    }
}
