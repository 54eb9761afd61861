using Microsoft.AspNetCore.DataProtection;
using Stayfull.Domain.Data;

namespace Stayfull.Web.Startup;

/// <summary>Where the keys behind sign-in cookies, antiforgery tokens, check-in links and stored vendor credentials live.</summary>
public enum DataProtectionKeyStore
{
    /// <summary>The framework's default key folder on this machine: right for one instance.</summary>
    FileSystem,

    /// <summary>The shared database, so every web instance reads what another protected.</summary>
    Database,
}

/// <summary>
/// Chooses the Data Protection key ring from <c>DataProtection:KeyStore</c>. With several web instances behind a
/// load balancer the keys must be in the database: a cookie or check-in link made by one instance is opened by another.
/// </summary>
public static class DataProtectionSetup
{
    public const string KeyStoreKey = "DataProtection:KeyStore";

    /// <summary>Shared by every instance: the default name is the content root path, which differs between machines.</summary>
    public const string ApplicationName = "Stayfull";

    public static IServiceCollection AddStayfullDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var store = KeyStore(configuration);
        if (store == DataProtectionKeyStore.FileSystem)
        {
            // Unchanged single-instance behaviour: default key folder and default application name, so
            // cookies and check-in links issued before this setting existed stay valid.
            services.AddDataProtection();
            return services;
        }

        // The key XML is stored as written. Encryption at rest needs a certificate
        // (ProtectKeysWithCertificate) or a cloud key vault on Linux; DPAPI is Windows-only and per machine,
        // so it would not let other instances read the keys. None is configured here: restrict access to the
        // DataProtectionKeys table (and its backups) as you would to a secret.
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<StayfullDbContext>();
        return services;
    }

    private static DataProtectionKeyStore KeyStore(IConfiguration configuration)
    {
        var value = configuration[KeyStoreKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DataProtectionKeyStore.FileSystem;
        }

        return Enum.TryParse<DataProtectionKeyStore>(value, ignoreCase: true, out var store) && Enum.IsDefined(store)
            ? store
            : throw new InvalidOperationException($"{KeyStoreKey} holds '{value}'; use FileSystem or Database.");
    }
}
