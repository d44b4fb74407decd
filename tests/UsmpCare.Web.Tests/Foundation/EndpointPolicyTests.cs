using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using UsmpCare.Web.Authorization;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Foundation;

/// <summary>Deny by default: every endpoint names a policy or is a deliberate anonymous page.</summary>
public sealed class EndpointPolicyTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public void Every_endpoint_has_an_explicit_policy_or_is_on_the_anonymous_allow_list()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        endpoints.OfType<RouteEndpoint>().Should().HaveCountGreaterThan(10, "the page endpoints must be enumerated");

        EndpointPolicyAudit.FindViolations(endpoints, EndpointPolicyAudit.AnonymousAllowList).Should().BeEmpty();
    }

    [Fact]
    public void The_checker_reports_an_endpoint_that_relies_on_the_fallback_policy_alone()
    {
        var endpoints = new Endpoint[]
        {
            Endpoint("/Patients/Secret", new AuthorizeAttribute()),
            Endpoint("/Patients/Named", new RequirePermissionAttribute(Domain.Security.Permission.ReadRecord)),
            Endpoint("/Nothing"),
        };

        var violations = EndpointPolicyAudit.FindViolations(endpoints, new HashSet<string>());

        violations.Should().HaveCount(2);
        violations.Should().Contain(v => v.StartsWith("/Patients/Secret"));
        violations.Should().Contain(v => v.StartsWith("/Nothing"));
    }

    [Fact]
    public void The_checker_reports_an_anonymous_endpoint_missing_from_the_allow_list()
    {
        var endpoints = new Endpoint[]
        {
            Endpoint("/Account/Login", new AllowAnonymousAttribute()),
            Endpoint("/Export/Cpu", new AllowAnonymousAttribute()),
        };

        var violations = EndpointPolicyAudit.FindViolations(endpoints, new HashSet<string> { "/Account/Login" });

        violations.Should().ContainSingle().Which.Should().StartWith("/Export/Cpu");
    }

    private static RouteEndpoint Endpoint(string route, params object[] metadata) =>
        new(_ => Task.CompletedTask, RoutePatternFactory.Parse(route), 0, new EndpointMetadataCollection(metadata), route);
}
