using System.Net;
using Microsoft.AspNetCore.Hosting;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Security;

/// <summary>A deployment whose absolute session lifetime is zero: every session ends at its first request.</summary>
public sealed class ExpiringSessionFactory : UsmpFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:AbsoluteSessionMinutes", "0");
    }
}

public sealed class SessionLifetimeTests(ExpiringSessionFactory app) : IClassFixture<ExpiringSessionFactory>
{
    [Fact]
    public async Task Past_the_absolute_lifetime_the_user_signs_in_again_however_active()
    {
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));

        var response = await nurse.GetAsync("/Patients");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Contain("/Account/Login");
    }
}
