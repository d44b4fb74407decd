using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UsmpCare.Web.Auditing;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Auditing;

/// <summary>One way #4: the audit writer is a hosted service that drains its queue when the host stops.</summary>
public sealed class AuditWriterTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task Rows_appended_just_before_the_host_stops_are_all_in_the_chain()
    {
        var target = $"/Tests/Arret/{Guid.NewGuid():N}";
        var host = app.WithWebHostBuilder(_ => { });
        var trail = host.Services.GetRequiredService<AuditTrail>();
        // More than one batch (256 rows), queued at once: most are still waiting when the stop begins.
        var appends = Enumerable.Range(0, 600).Select(i => trail.AppendAsync(new AuditEvent
        {
            UserName = "Test", Roles = "Physician", Action = AuditAction.Read, Target = $"{target}/{i}", Status = 200,
        })).ToList();

        await host.DisposeAsync();

        appends.Should().OnlyContain(a => a.IsCompletedSuccessfully, "every page waiting for its row got it before the host stopped");
        (await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Target.StartsWith(target))))
            .Should().Be(600, "no row queued before the stop is dropped");
        (await app.Services.GetRequiredService<AuditChain>().VerifyAsync()).Should().BeEmpty();
        var refused = () => trail.AppendAsync(new AuditEvent { UserName = "Test", Action = AuditAction.Read, Target = target, Status = 200 });
        await refused.Should().ThrowAsync<InvalidOperationException>("a stopped writer says so instead of keeping the page waiting");
    }
}
