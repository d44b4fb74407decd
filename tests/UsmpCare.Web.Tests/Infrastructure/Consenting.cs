using System.Net;
using UsmpCare.Domain.Consents;

namespace UsmpCare.Web.Tests.Infrastructure;

public static class Consenting
{
    /// <summary>Records one answer of the patient through the consent page, as a clinician would.</summary>
    public static async Task RecordAsync(this HttpClient client, Guid patientId, ConsentTopic topic, ConsentDecision decision,
        OutsideCategory? category = null)
    {
        var url = $"/Patients/Consents/{patientId}";
        var fields = new Dictionary<string, string>
        {
            ["Topic"] = topic.ToString(),
            ["Decision"] = decision.ToString(),
            ["Expression"] = "Oralement, en entretien",
        };
        if (category is { } c)
        {
            fields["Category"] = c.ToString();
        }
        var response = await client.PostFormAsync(url, fields);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"consent not recorded: {await response.TextAsync()}");
        }
    }
}
