using Microsoft.Playwright;

namespace Stayfull.E2E.Tests.Harness;

/// <summary>
/// Numbered full-page screenshots of every screen a test passes through, in a folder per test under
/// $STAYFULL_SCREENSHOTS (test.sh points it at artifacts/screenshots), else TestResults/screenshots.
/// </summary>
public sealed class Screenshots
{
    public const string FolderVariable = "STAYFULL_SCREENSHOTS";

    private readonly string _folder;
    private int _count;

    public Screenshots(string testName)
    {
        var root = Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine("TestResults", "screenshots");
        _folder = Path.GetFullPath(Path.Combine(root, testName));
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        Directory.CreateDirectory(_folder);
    }

    public async Task TakeAsync(IPage page, string screen)
    {
        _count++;
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(_folder, $"{_count:00}-{screen}.png"),
            FullPage = true,
        });
    }
}
