using AngleSharp.Html.Parser;

namespace UsmpCare.Web.Tests.Interop;

public static class Uploads
{
    /// <summary>Posts a file to the movements page like a browser: antiforgery token from the form, multipart body.</summary>
    public static async Task<HttpResponseMessage> UploadMovementsAsync(this HttpClient client, byte[] content, string fileName = "mouvements.csv")
    {
        var page = await client.GetAsync("/Interop/Movements");
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"no antiforgery token on the movements page ({(int)page.StatusCode})");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "Upload", fileName },
        };
        return await client.PostAsync("/Interop/Movements", form);
    }

    public static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    public static string Ecrou() => Infrastructure.Unique.Ecrou('M');
}
