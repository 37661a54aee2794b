package io.clusterbench.value;

/**
 * Converts GCJ-02 (China's obfuscated "Mars" coordinates used by Amap/Tencent) and BD-09 (Baidu) to WGS84,
 * since zone boundaries are WGS84. GCJ-02 → WGS84 is inverted by fixed-point iteration of the published
 * forward transform, which is accurate to well under a metre inside China.
 */
public final class Coordinates {
    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;
    private static final double X_PI = Math.PI * 3000.0 / 180.0;

    private Coordinates() {
    }

    /** @return {lon, lat} in WGS84 */
    public static double[] toWgs84(String system, double lon, double lat) {
        return switch (system) {
            case "gcj02" -> gcj02ToWgs84(lon, lat);
            case "bd09" -> {
                double[] g = bd09ToGcj02(lon, lat);
                yield gcj02ToWgs84(g[0], g[1]);
            }
            default -> new double[]{lon, lat};
        };
    }

    static double[] wgs84ToGcj02(double lon, double lat) {
        double dLat = transformLat(lon - 105.0, lat - 35.0);
        double dLon = transformLon(lon - 105.0, lat - 35.0);
        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[]{lon + dLon, lat + dLat};
    }

    static double[] gcj02ToWgs84(double lon, double lat) {
        double wLon = lon;
        double wLat = lat;
        for (int i = 0; i < 10; i++) {
            double[] g = wgs84ToGcj02(wLon, wLat);
            double dx = g[0] - lon;
            double dy = g[1] - lat;
            wLon -= dx;
            wLat -= dy;
            if (Math.abs(dx) < 1e-10 && Math.abs(dy) < 1e-10) {
                break;
            }
        }
        return new double[]{wLon, wLat};
    }

    static double[] bd09ToGcj02(double lon, double lat) {
        double x = lon - 0.0065;
        double y = lat - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
        return new double[]{z * Math.cos(theta), z * Math.sin(theta)};
    }

    private static double transformLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double transformLon(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
