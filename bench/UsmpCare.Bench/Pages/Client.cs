using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;

namespace UsmpCare.Bench.Pages;

/// <summary>One signed-in browser: its cookies, and the antiforgery tokens of the forms it has opened.</summary>
internal sealed partial record Client(HttpClient Http, string Base, ConcurrentDictionary<string, string> Tokens)
{
    public const string Password = UsmpCare.Web.Data.DemoData.Password;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static async Task<List<Client>> SignInAsync(string baseUrl, string email, int count)
    {
        var clients = new List<Client>();
        for (var i = 0; i < count; i++)
        {
            var http = new HttpClient(new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = true,
                CookieContainer = new CookieContainer(),
                PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            }) { Timeout = TimeSpan.FromSeconds(30) };
            var client = new Client(http, baseUrl, new ConcurrentDictionary<string, string>(StringComparer.Ordinal));
            await client.SignInAsync(email);
            clients.Add(client);
        }
        return clients;
    }

    /// <summary>
    /// The login form as a browser fills it. The one place to extend when sign-in gains a step (the TOTP code of the
    /// MFA branch: post it to the second-factor page here, from the account's shared secret).
    /// </summary>
    public async Task SignInAsync(string email)
    {
        var token = await TokenAsync("/Account/Login");
        using var response = await Http.PostAsync($"{Base}/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = Password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("Login", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"sign-in of {email} failed: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    /// <summary>A form's antiforgery token, fetched once per form and client (it stays valid for the session).</summary>
    public async Task<string> TokenAsync(string formUrl)
    {
        if (Tokens.TryGetValue(formUrl, out var token))
        {
            return token;
        }
        var html = await Http.GetStringAsync(Base + formUrl);
        token = TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"no antiforgery token on {formUrl}");
        if (formUrl != "/Account/Login")
        {
            Tokens[formUrl] = token;
        }
        return token;
    }

    public async Task<HttpResponseMessage> PostAsync(string url, string formUrl, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await TokenAsync(formUrl);
        return await Http.PostAsync(Base + url, new FormUrlEncodedContent(fields));
    }
}
