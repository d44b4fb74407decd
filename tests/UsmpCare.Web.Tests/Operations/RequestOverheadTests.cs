using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Operations;

/// <summary>
/// What every request used to pay for and no longer does (issue #22 point 4, docs/performance.md « Where a page's time
/// goes »): the DbContext options are built once, and the console log line is written off the request path.
/// </summary>
public sealed class RequestOverheadTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task Two_requests_share_one_set_of_DbContext_options()
    {
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();

        var a = first.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>();
        var b = second.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>();

        a.Should().BeSameAs(b, "building the options parsed the connection string and looked EF Core's services up on every page");
        first.ServiceProvider.GetRequiredService<AppDbContext>()
            .Should().NotBeSameAs(second.ServiceProvider.GetRequiredService<AppDbContext>(), "each request keeps its own unit of work");
    }

    [Theory]
    [InlineData("appsettings.json")]
    [InlineData("appsettings.Development.json")]
    public void The_console_sink_is_written_by_a_background_worker(string file)
    {
        // The synchronous console sink took a lock and flushed a pipe inside every request (the request log line).
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, file)));
        var sinks = settings.RootElement.GetProperty("Serilog").GetProperty("WriteTo").EnumerateArray().ToList();

        sinks.Should().ContainSingle().Which.GetProperty("Name").GetString().Should().Be("Async");
        sinks[0].GetProperty("Args").GetProperty("configure")[0].GetProperty("Name").GetString().Should().Be("Console");
    }
}
