using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Quartz;
using Stayfull.Domain.Data;
using Stayfull.Web.Health;
using Stayfull.Web.Tests.Http.Harness;

namespace Stayfull.Web.Tests.Http;

public sealed class HealthTests
{
    [Fact]
    public async Task AHealthyInstanceAnswers200ToAnAnonymousCallerWithEveryCheckListed()
    {
        await using var app = new StayfullApplication();
        using var client = app.CreateAnonymousClient();
        await EnsureSchedulerStartedAsync(app);

        using var response = await client.GetAsync(new Uri(HealthEndpoints.Path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks[HealthEndpoints.Database]);
        Assert.Equal("Healthy", checks[HealthEndpoints.Scheduler]);
        Assert.All(json.RootElement.GetProperty("checks").EnumerateArray(), c => Assert.True(c.GetProperty("durationMs").GetDouble() >= 0));
    }

    [Fact]
    public async Task ADatabaseThatCannotBeOpenedAnswers503WithoutConnectionDetailsOrExceptionText()
    {
        var folder = "unreachable-" + Guid.NewGuid().ToString("N");
        var connectionString = $"Data Source={Path.Combine(Path.GetTempPath(), folder, "stayfull.db")};Mode=ReadWrite";
        await using var app = new StayfullApplication(configureServices: services =>
            services.PostConfigure<HealthCheckServiceOptions>(o =>
            {
                var database = o.Registrations.Single(r => r.Name == HealthEndpoints.Database);
                database.Factory = _ => new DatabaseHealthCheck(new StayfullDb(Options.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = connectionString })));
            }));
        using var client = app.CreateAnonymousClient();
        await EnsureSchedulerStartedAsync(app);

        using var response = await client.GetAsync(new Uri(HealthEndpoints.Path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("status").GetString());
        var database = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == HealthEndpoints.Database);
        Assert.Equal("Unhealthy", database.GetProperty("status").GetString());
        Assert.DoesNotContain(folder, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Data Source", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("sqlite", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("unable to open", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("could not be reached", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("exception", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ASchedulerInStandbyAnswers503()
    {
        await using var app = new StayfullApplication();
        using var client = app.CreateAnonymousClient();
        // Wait for the hosted service's own start (it follows the host's start, and a later start would
        // resume a scheduler put in standby before it), then put the scheduler in standby.
        await WaitUntilHealthyAsync(client);
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Standby();

        using var response = await client.GetAsync(new Uri(HealthEndpoints.Path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", checks[HealthEndpoints.Scheduler]);
        Assert.Equal("Healthy", checks[HealthEndpoints.Database]);
    }

    private static async Task WaitUntilHealthyAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var probe = await client.GetAsync(new Uri(HealthEndpoints.Path, UriKind.Relative));
            if (probe.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The scheduler never started.");
    }

    /// <summary>
    /// The hosted service starts the scheduler once the host reports it has started, which can trail the
    /// first request; starting it here (a no-op when already running) keeps the outcome independent of that.
    /// </summary>
    private static async Task<IScheduler> EnsureSchedulerStartedAsync(StayfullApplication app)
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();
        return scheduler;
    }
}
