using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Stayfull.Domain.Channels;
using Stayfull.Domain.Channels.Bookings;
using Stayfull.Domain.CheckIn;
using Stayfull.Domain.Data;
using Stayfull.Domain.Demo;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Kpis;
using Stayfull.Domain.Payments;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Pricing;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.Tenancy;
using Stayfull.Domain.Upsells;

namespace Stayfull.Domain;

public static class DomainServiceCollectionExtensions
{
    /// <summary>The PMS core: database, sessions per hotel, and the domain services pages and endpoints call.</summary>
    public static IServiceCollection AddStayfullDomain(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .Validate(o => o.Provider == DatabaseProvider.Sqlite || !string.IsNullOrWhiteSpace(o.ConnectionString), "Database:ConnectionString is required for SQL Server and PostgreSQL.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StayfullDb>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<DemoHotelSeeder>();
        services.AddSingleton<HotelOnboarding>();
        services.AddScoped<HotelSessions>();
        services.AddScoped<AvailabilityService>();
        services.AddScoped<BookingService>();
        services.AddScoped<ReservationService>();
        services.AddScoped<StayChangeService>();
        services.AddScoped<FolioService>();
        services.AddScoped<PaymentService>();
        services.AddScoped<PaymentLedger>();
        services.AddStayfullSmartRooms();
        services.AddStayfullUpsells();
        services.AddScoped<PricingService>();
        services.AddScoped<RateAlertService>();
        services.AddScoped<RecommendationQueries>();
        services.AddScoped<RateShopService>();
        services.AddScoped<PricingSettingsService>();
        services.AddSingleton<PricingRecomputeSignals>();
        services.AddSingleton<PricingRecomputes>();
        services.AddOptions<PricingRecomputeOptions>().Bind(configuration.GetSection(PricingRecomputeOptions.Section));
        services.AddScoped<RoomService>();
        services.AddScoped<RateService>();
        services.AddScoped<KpiService>();
        services.AddScoped<HotelSettingsService>();
        services.AddScoped<StaffDirectory>();
        services.AddScoped<BackgroundStaffScope>();

        // Integration platform: durable webhook inbox, outbox of side effects, log and connections.
        services.AddOptions<IntegrationPricing>().Bind(configuration.GetSection(IntegrationPricing.Section));
        services.AddSingleton<WebhookInbox>();
        services.AddOptions<WorkQueueOptions>().Bind(configuration.GetSection(WorkQueueOptions.Section));
        services.AddSingleton<InboxProcessor>();
        services.AddSingleton<OutboxProcessor>();
        services.AddOptions<VendorRateLimitOptions>().Bind(configuration.GetSection(VendorRateLimitOptions.Section));
        services.AddSingleton<VendorRateLimits>();
        services.AddSingleton<IntegrationLogWriter>();
        services.AddSingleton<ConnectionCredentialsStore>();
        services.AddScoped<IntegrationSettingsService>();
        services.AddStayfullMessaging();
        services.AddStayfullCheckIn();
        services.AddStayfullChannels();
        services.AddStayfullChannelBookings();
        services.AddOptions<PreArrivalOptions>().Bind(configuration.GetSection(PreArrivalOptions.Section));
        return services;
    }
}
