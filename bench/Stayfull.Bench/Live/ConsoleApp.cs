using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Stayfull.Domain;
using Stayfull.Integrations;
using Stayfull.Web;
using Stayfull.Web.Startup;

namespace Stayfull.Bench.Live;

/// <summary>
/// The real app as Program.cs composes it, on Kestrel at 127.0.0.1 (free port), seeded with the demo hotel,
/// with the Razor class libraries' static files (blazor.web.js, MudBlazor) served from the build's static
/// web assets manifest so a browser gets a working console. Seam points at a closed local port: nothing leaves the machine.
/// </summary>
public static class ConsoleApp
{
    public static async Task<WebApplication> StartAsync(string provider, string connectionString, Action<WebApplication>? extraEndpoints = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(WebApplicationBuilderExtensions).Assembly.GetName().Name,
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseStaticWebAssets();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = connectionString,
            ["Database:MigrateOnStart"] = "true",
            ["Database:SeedDemoData"] = "true",
            ["Stayfull:Culture"] = "en-GB",
            ["Integrations:Seam:BaseUrl"] = "http://127.0.0.1:9",
            ["Logging:LogLevel:Default"] = "Warning",
            // The demo hotel's arrivals queue door codes for a Seam that is not there; their retries are expected.
            ["Logging:LogLevel:Stayfull.Domain.Integrations.OutboxProcessor"] = "Error",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddStayfullDomain(builder.Configuration);
        builder.Services.AddStayfullIntegrations(builder.Configuration);
        builder.AddStayfullWeb();

        var app = builder.Build();
        app.UseStayfullPipeline();
        app.MapStayfullEndpoints();
        extraEndpoints?.Invoke(app);
        await app.InitializeStayfullAsync();
        await app.StartAsync();
        return app;
    }

    public static Uri BaseAddress(this WebApplication app) => new(app.Urls.First().TrimEnd('/') + "/");
}
