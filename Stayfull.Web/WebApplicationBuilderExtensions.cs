using System.Globalization;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using Stayfull.Domain.Data;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Api;
using Stayfull.Web.Auth;
using Stayfull.Web.GuestCheckIn;
using Stayfull.Web.Health;
using Stayfull.Web.Integrations;
using Stayfull.Web.Jobs;
using Stayfull.Web.Live;
using Stayfull.Web.Startup;

namespace Stayfull.Web;

public static class WebApplicationBuilderExtensions
{
    /// <summary>Composition of the web host: UI, auth, live updates, API error mapping.</summary>
    public static WebApplicationBuilder AddStayfullWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        DefaultSqliteFile(builder);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        var instance = InstanceIdentity.ForThisProcess();
        services.AddSingleton(instance);
        services.AddSignalR().AddStayfullBackplane(builder.Configuration);
        services.AddStayfullRedis(builder.Configuration);
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddHttpContextAccessor();
        services.AddStayfullAuth();
        services.AddStayfullForwardedHeaders(builder.Configuration);
        services.AddStayfullDataProtection(builder.Configuration);

        services.AddStayfullLiveUpdates(builder.Configuration);
        services.AddScoped<ICurrentStaff, CurrentStaffFromSignIn>();
        services.AddSingleton<ICredentialProtector, DataProtectionCredentialProtector>();
        services.AddHostedService<WorkProcessorService>();
        services.AddStayfullJobs(builder.Configuration, instance);
        services.AddStayfullHealthChecks();
        services.AddScoped<Components.Common.UiActions>();
        services.AddStayfullGuestCheckIn(builder.Configuration);

        var culture = builder.Configuration["Stayfull:Culture"] ?? "en-GB";
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(culture);
            o.SupportedCultures = [new CultureInfo(culture)];
            o.SupportedUICultures = [new CultureInfo(culture)];
        });
        CultureInfo.DefaultThreadCurrentCulture = new CultureInfo(culture);
        CultureInfo.DefaultThreadCurrentUICulture = new CultureInfo(culture);
        return builder;
    }

    /// <summary>With no connection string, the embedded database is a file in the app's data folder.</summary>
    private static void DefaultSqliteFile(WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(DatabaseOptions.Section);
        if (string.IsNullOrWhiteSpace(section["ConnectionString"]) && (section["Provider"] is null or "Sqlite"))
        {
            var file = Path.Combine(builder.Environment.ContentRootPath, "App_Data", "stayfull.db");
            builder.Configuration[$"{DatabaseOptions.Section}:ConnectionString"] = $"Data Source={file}";
        }
    }
}
