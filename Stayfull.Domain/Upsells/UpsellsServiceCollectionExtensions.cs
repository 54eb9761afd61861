using Microsoft.Extensions.DependencyInjection;

namespace Stayfull.Domain.Upsells;

public static class UpsellsServiceCollectionExtensions
{
    /// <summary>Early check-in and late check-out offers, sold by staff or by the guest on the check-in pages.</summary>
    public static IServiceCollection AddStayfullUpsells(this IServiceCollection services) =>
        services.AddScoped<UpsellService>();
}
