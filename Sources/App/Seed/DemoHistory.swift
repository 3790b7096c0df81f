import DudaoCore
import Fluent
import Vapor

/// A semester of a responsible inspector's work for the demo (2026年秋季学期, September to late November):
/// the filed area plan, visit plans, visits with observations, interviews, checks, photos and problems,
/// a draft, a case study — with deliberate shortfalls (a missed month at one school, a visit with only
/// one student interviewed, a visit without a plan) that the compliance views show.
enum DemoHistory {
    static let photos: [String] = [
        "iVBORw0KGgoAAAANSUhEUgAAAGAAAABICAIAAACGBWc0AAAQYklEQVR42iXShxrDAENQ0T6YAxcooKIILhAHSwUVRe1O2zRt0zTdM02TdIN7bxFFxMfiy/nvdx7hNv5A8//XWrTp0KVHn4ABQ0aEjImYMGVGzJyEBSlLVqzZsGXHngNHTpy5kHEl50ZBScWdB09evPnwrTX+YPP3ai3adOjSo0/AgCEjQsZETJgyI2ZOwoKUJSvWbNiyY8+BIyfOXMi4knOjoKTizoMnL958+NYaf6j5/2ot2nTo0qNPwIAhI0LGREyYMiNmTsKClCUr1mzYsmPPgSMnzlzIuJJzo6Ck4s6DJy/efPjWGn+4+bu1Fm06dOnRJ2DAkBEhYyImTJkRMydhQcqSFWs2bNmx58CRE2cuZFzJuVFQUnHnwZMXbz58a40fav7fWos2Hbr06BMwYMiIkDERE6bMiJmTsCBlyYo1G7bs2HPgyIkzFzKu5NwoKKm48+DJizcfvrXGH2n+Tq1Fmw5devQJGDBkRMiYiAlTZsTMSViQsmTFmg1bduw5cOTEmQsZV3JuFJRU3Hnw5MWbD99a4482/0+tRZsOXXr0CRgwZETImIgJU2bEzElYkLJkxZoNW3bsOXDkxJkLGVdybhSUVNx58OTFmw/fWuOPNf93rUWbDl169AkYMGREyJiICVNmxMxJWJCyZMWaDVt27Dlw5MSZCxlXcm4UlFTcefDkxZsP31rjjzd/u9aiTYcuPfoEDBgyImRMxIQpM2LmJCxIWbJizYYtO/YcOHLizIWMKzk3Ckoq7jx48uLNh2+t8Sea/6vWok2HLj36BAwYMiJkTMSEKTNi5iQsSFmyYs2GLTv2HDhy4syFjCs5NwpKKu48ePLizYdvrfHDzd+qtWjToUuPPgEDhowIGRMxYcqMmDkJC1KWrFizYcuOPQeOnDhzIeNKzo2Ckoo7D568ePPhW2v8SPN/1lq06dClR5+AAUNGhIyJmDBlRsychAUpS1as2bBlx54DR06cuZBxJedGQUnFnQdPXrz58K01/mTzf9RatOnQpUefgAFDRoSMiZgwZUbMnIQFKUtWrNmwZceeA0dOnLmQcSXnRkFJxZ0HT168+fCtNf5U87/XWrTp0KVHn4ABQ0aEjImYMGVGzJyEBSlLVqzZsGXHngNHTpy5kHEl50ZBScWdB09evPnwrTV+tPnfai3adOjSo0/AgCEjQsZETJgyI2ZOwoKUJSvWbNiyY8+BIyfOXMi4knOjoKTizoMnL958+NYaP9b8r7UWbTp06dEnYMCQESFjIiZMmREzJ2FBypIVazZs2bHnwJETZy5kXMm5UVBScefBkxdvPnxrjR9v/pdaizYduvToEzBgyIiQMRETpsyImZOwIGXJijUbtuzYc+DIiTMXMq7k3Cgoqbjz4MmLNx++tcafbv7nWos2Hbr06BMwYMiIkDERE6bMiJmTsCBlyYo1G7bs2HPgyIkzFzKu5NwoKKm48+DJizcfvrXGn2n+p1qLNh269OgTMGDIiJAxEROmzIiZk7AgZcmKNRu27Nhz4MiJMxcyruTcKCipuPPgyYs3H761xp9t/sdaizYduvToEzBgyIiQMRETpsyImZOwIGXJijUbtuzYc+DIiTMXMq7k3Cgoqbjz4MmLNx++tcZPNP9DrUWbDl169AkYMGREyJiICVNmxMxJWJCyZMWaDVt27Dlw5MSZCxlXcm4UlFTcefDkxZsP31rjzzX/fa1Fmw5devQJGDBkRMiYiAlTZsTMSViQsmTFmg1bduw5cOTEmQsZV3JuFJRU3Hnw5MWbD99a4883/12tRZsOXXr0CRgwZETImIgJU2bEzElYkLJkxZoNW3bsOXDkxJkLGVdybhSUVNx58OTFmw/fWuMnm/+21qJNhy49+gQMGDIiZEzEhCkzYuYkLEhZsmLNhi079hw4cuLMhYwrOTcKSiruPHjy4s2Hb63xF5r/ptaiTYcuPfoEDBgyImRMxIQpM2LmJCxIWbJizYYtO/YcOHLizIWMKzk3Ckoq7jx48uLNh2+t8VPNf11r0aZDlx59AgYMGREyJmLClBkxcxIWpCxZsWbDlh17Dhw5ceZCxpWcGwUlFXcePHnx5sO31vjp5r+qtWjToUuPPgEDhowIGRMxYcqMmDkJC1KWrFizYcuOPQeOnDhzIeNKzo2Ckoo7D568ePPhW2v8xea/rLVo06FLjz4BA4aMCBkTMWHKjJg5CQtSlqxYs2HLjj0Hjpw4cyHjSs6NgpKKOw+evHjz4Vtr/KXmv6i1aNOhS48+AQOGjAgZEzFhyoyYOQkLUpasWLNhy449B46cOHMh40rOjYKSijsPnrx48+Fba/zl5j+vtWjToUuPPgEDhowIGRMxYcqMmDkJC1KWrFizYcuOPQeOnDhzIeNKzo2Ckoo7D568ePPhW2v8leY/q7Vo06FLjz4BA4aMCBkTMWHKjJg5CQtSlqxYs2HLjj0Hjpw4cyHjSs6NgpKKOw+evHjz4Vtr/NXmb9ZatOnQpUefgAFDRoSMiZgwZUbMnIQFKUtWrNmwZceeA0dOnLmQcSXnRkFJxZ0HT168+fCtNX6m+Ru1Fm06dOnRJ2DAkBEhYyImTJkRMydhQcqSFWs2bNmx58CRE2cuZFzJuVFQUnHnwZMXbz58a42fbX5rLdp06NKjT8CAISNCxkRMmDIjZk7CgpQlK9Zs2LJjz4EjJ85cyLiSc6OgpOLOgycv3nz41hp/rfmptWjToUuPPgEDhowIGRMxYcqMmDkJC1KWrFizYcuOPQeOnDhzIeNKzo2Ckoo7D568ePPhW2v8XPNda9GmQ5cefQIGDBkRMiZiwpQZMXMSFqQsWbFmw5Ydew4cOXHmQsaVnBsFJRV3Hjx58ebDt9b4681XrUWbDl169AkYMGREyJiICVNmxMxJWJCyZMWaDVt27Dlw5MSZCxlXcm4UlFTcefDkxZsP31rjbzSftRZtOnTp0SdgwJARIWMiJkyZETMnYUHKkhVrNmzZsefAkRNnLmRcyblRUFJx58GTF28+fGuNv9l81Fq06dClR5+AAUNGhIyJmDBlRsychAUpS1as2bBlx54DR06cuZBxJedGQUnFnQdPXrz58K01/lbzXmvRpkOXHn0CBgwZETImYsKUGTFzEhakLFmxZsOWHXsOHDlx5kLGlZwbBSUVdx48efHmw7fW+PlmVWvRpkOXHn0CBgwZETImYsKUGTFzEhakLFmxZsOWHXsOHDlx5kLGlZwbBSUVdx48efHmw7fW+IVmWWvRpkOXHn0CBgwZETImYsKUGTFzEhakLFmxZsOWHXsOHDlx5kLGlZwbBSUVdx48efHmw7fW+MVmUWvRpkOXHn0CBgwZETImYsKUGTFzEhakLFmxZsOWHXsOHDlx5kLGlZwbBSUVdx48efHmw7fW+KXmrdaiTYcuPfoEDBgyImRMxIQpM2LmJCxIWbJizYYtO/YcOHLizIWMKzk3Ckoq7jx48uLNh2+t8cvNvNaiTYcuPfoEDBgyImRMxIQpM2LmJCxIWbJizYYtO/YcOHLizIWMKzk3Ckoq7jx48uLNh2+t8beb11qLNh269OgTMGDIiJAxEROmzIiZk7AgZcmKNRu27Nhz4MiJMxcyruTcKCipuPPgyYs3H761xt9pZrUWbTp06dEnYMCQESFjIiZMmREzJ2FBypIVazZs2bHnwJETZy5kXMm5UVBScefBkxdvPnxrjb/bvNRatOnQpUefgAFDRoSMiZgwZUbMnIQFKUtWrNmwZceeA0dOnLmQcSXnRkFJxZ0HT168+fCtNX6lea61aNOhS48+AQOGjAgZEzFhyoyYOQkLUpasWLNhy449B46cOHMh40rOjYKSijsPnrx48+Fba/xq81Rr0aZDlx59AgYMGREyJmLClBkxcxIWpCxZsWbDlh17Dhw5ceZCxpWcGwUlFXcePHnx5sO31vh7zWOtRZsOXXr0CRgwZETImIgJU2bEzElYkLJkxZoNW3bsOXDkxJkLGVdybhSUVNx58OTFmw/fWuPvNw+1Fm06dOnRJ2DAkBEhYyImTJkRMydhQcqSFWs2bNmx58CRE2cuZFzJuVFQUnHnwZMXbz58a41/0NzXWrTp0KVHn4ABQ0aEjImYMGVGzJyEBSlLVqzZsGXHngNHTpy5kHEl50ZBScWdB09evPnwrTV+rbmrtWjToUuPPgEDhowIGRMxYcqMmDkJC1KWrFizYcuOPQeOnDhzIeNKzo2Ckoo7D568ePPhW2v8w+a21qJNhy49+gQMGDIiZEzEhCkzYuYkLEhZsmLNhi079hw4cuLMhYwrOTcKSiruPHjy4s2Hb63xj5qbWos2Hbr06BMwYMiIkDERE6bMiJmTsCBlyYo1G7bs2HPgyIkzFzKu5NwoKKm48+DJizcfvrXGrzfXtRZtOnTp0SdgwJARIWMiJkyZETMnYUHKkhVrNmzZsefAkRNnLmRcyblRUFJx58GTF28+fGuNf9xc1Vq06dClR5+AAUNGhIyJmDBlRsychAUpS1as2bBlx54DR06cuZBxJedGQUnFnQdPXrz58K01/klzWWvRpkOXHn0CBgwZETImYsKUGTFzEhakLFmxZsOWHXsOHDlx5kLGlZwbBSUVdx48efHmw7fW+KfNtNaiTYcuPfoEDBgyImRMxIQpM2LmJCxIWbJizYYtO/YcOHLizIWMKzk3Ckoq7jx48uLNh2+t0Wwuai3adOjSo0/AgCEjQsZETJgyI2ZOwoKUJSvWbNiyY8+BIyfOXMi4knOjoKTizoMnL958+NYarWZSa9GmQ5cefQIGDBkRMiZiwpQZMXMSFqQsWbFmw5Ydew4cOXHmQsaVnBsFJRV3Hjx58ebDt9ZoN+e1Fm06dOnRJ2DAkBEhYyImTJkRMydhQcqSFWs2bNmx58CRE2cuZFzJuVFQUnHnwZMXbz58a41OM661aNOhS48+AQOGjAgZEzFhyoyYOQkLUpasWLNhy449B46cOHMh40rOjYKSijsPnrx48+Fba3Sbs1qLNh269OgTMGDIiJAxEROmzIiZk7AgZcmKNRu27Nhz4MiJMxcyruTcKCipuPPgyYs3H761Rq85rbVo06FLjz4BA4aMCBkTMWHKjJg5CQtSlqxYs2HLjj0Hjpw4cyHjSs6NgpKKOw+evHjz4Vtr9JuTWos2Hbr06BMwYMiIkDERE6bMiJmTsCBlyYo1G7bs2HPgyIkzFzKu5NwoKKm48+DJizcfvrVG0IxqLdp06NKjT8CAISNCxkRMmDIjZk7CgpQlK9Zs2LJjz4EjJ85cyLiSc6OgpOLOgycv3nz41hqD5rjWok2HLj36BAwYMiJkTMSEKTNi5iQsSFmyYs2GLTv2HDhy4syFjCs5NwpKKu48ePLizYdvrTFshrUWbTp06dEnYMCQESFjIiZMmREzJ2FBypIVazZs2bHnwJETZy5kXMm5UVBScefBkxdvPnxrjVFzVGvRpkOXHn0CBgz5QSFjIiZMmREzJ2FBypIVazZs2bHnwJETZy5kXMm5UVBScefBkxdvPnxrjbA5rLVo06FLjz4BA36w0IgfPDQmYsKUGTFzEhakLFmxZsOWHXsOHDlx5kLGlZwbBSUVdx48efHmw7f2+zcckPct7FgKAAAAAElFTkSuQmCC",
        "iVBORw0KGgoAAAANSUhEUgAAAGAAAABICAIAAACGBWc0AAAFxklEQVR42u3Q1bHiAAAAwFcnneHuxBMkWPAr65htgd/MbAX792/V+Prw5sWTB3duVFy5cObEkZIDe3ZsKcjJSEmIiQgJ2LBmxZIFc2ZMmTBmxJABfXp06dCmRZO/OqgO+jFo3fj68ObFkwd3blRcuXDmxJGSA3t2bCnIyUhJiIkICdiwZsWSBXNmTJkwZsSQAX16dOnQpkWTOqgO+jVo0/j68ObFkwd3blRcuXDmxJGSA3t2bCnIyUhJiIkICdiwZsWSBXNmTJkwZsSQAX16dOnQpkWTOqgO+jUoaHx9ePPiyYM7NyquXDhz4kjJgT07thTkZKQkxESEBGxYs2LJgjkzpkwYM2LIgD49unRo06JJHVQH/RoUNr4+vHnx5MGdGxVXLpw5caTkwJ4dWwpyMlISYiJCAjasWbFkwZwZUyaMGTFkQJ8eXTq0adGkDqqDfg2KGl8f3rx48uDOjYorF86cOFJyYM+OLQU5GSkJMREhARvWrFiyYM6MKRPGjBgyoE+PLh3atGhSB9VBvwbFja8Pb148eXDnRsWVC2dOHCk5sGfHloKcjJSEmIiQgA1rVixZMGfGlAljRgwZ0KdHlw5tWjSpg+qgX4OSxteHNy+ePLhzo+LKhTMnjpQc2LNjS0FORkpCTERIwIY1K5YsmDNjyoQxI4YM6NOjS4c2LZrUQXXQr0Fp4+vDmxdPHty5UXHlwpkTR0oO7NmxpSAnIyUhJiIkYMOaFUsWzJkxZcKYEUMG9OnRpUObFk3qoDro16Cs8fXhzYsnD+7cqLhy4cyJIyUH9uzYUpCTkZIQExESsGHNiiUL5syYMmHMiCED+vTo0qFNiyZ1UB30a1De+Prw5sWTB3duVFy5cObEkZIDe3ZsKcjJSEmIiQgJ2LBmxZIFc2ZMmTBmxJABfXp06dCmRZM6qA76NahofH148+LJgzs3Kq5cOHPiSMmBPTu2FORkpCTERIQEbFizYsmCOTOmTBgzYsiAPj26dGjTokkdVAf9GrRtfH148+LJgzs3Kq5cOHPiSMmBPTu2FORkpCTERIQEbFizYsmCOTOmTBgzYsiAPj26dGjTokkdVAf9GrRrfH148+LJgzs3Kq5cOHPiSMmBPTu2FORkpCTERIQEbFizYsmCOTOmTBgzYsiAPj26dGjTokkdVAf9GrRvfH148+LJgzs3Kq5cOHPiSMmBPTu2FORkpCTERIQEbFizYsmCOTOmTBgzYsiAPj26dGjTokkdVAf9GnRofH148+LJgzs3Kq5cOHPiSMmBPTu2FORkpCTERIQEbFizYsmCOTOmTBgzYsiAPj26dGjTokkdVAf9GlQ2vj68efHkwZ0bFVcunDlxpOTAnh1bCnIyUhJiIkICNqxZsWTBnBlTJowZMWRAnx5dOrRp0aQOqoN+DTo2vj68efHkwZ0bFVcunDlxpOTAnh1bCnIyUhJiIkICNqxZsWTBnBlTJowZMWRAnx5dOrRp0aQOqoN+DTo1vj68efHkwZ0bFVcunDlxpOTAnh1bCnIyUhJiIkICNqxZsWTBnBlTJowZMWRAnx5dOrRp0aQOqoN+DTo3vj68efHkwZ0bFVcunDlxpOTAnh1bCnIyUhJiIkICNqxZsWTBnBlTJowZMWRAnx5dOrRp0aQOqoN+Dbo0vj68efHkwZ0bFVcunDlxpOTAnh1bCnIyUhJiIkICNqxZsWTBnBlTJowZMWRAnx5dOrRp0aQOqoN+Dbo2vj68efHkwZ0bFVcunDlxpOTAnh1bCnIyUhJiIkICNqxZsWTBnBlTJowZMWRAnx5dOrRp0aQOqoN+DaoaXx/evHjy4M6NiisXzpw4UnJgz44tBTkZKQkxESEBG9asWLJgzowpE8aMGDKgT48uHdq0aFIH1UG/Bt0aXx/evHjy4M6NiisXzpw4UnJgz44tBTkZKQkxESEBG9asWLJgzowpE8aMGDKgT48uHdq0aFIH1UG/Bf0H439CwtxW4xEAAAAASUVORK5CYII=",
        "iVBORw0KGgoAAAANSUhEUgAAAGAAAABICAIAAACGBWc0AAAKHklEQVR42jXQBQ7EAGIYwLw4XttrZuamzHBlxqSUtM3XupI10rxg/uiP/5C/Aj6ERMR8SUjJyCkoqahpaOnoGRiZmFlY2dg5OLm4efijP/5D8Qr4EBIR8yUhJSOnoKSipqGlo2dgZGJmYWVj5+Dk4ubhF1S+Aj6ERMR8SUjJyCkoqahpaOnoGRiZmFlY2dg5OLm4efgFVa+ADyERMV8SUjJyCkoqahpaOnoGRiZmFlY2dg5OLm4efkH1K+BDSETMl4SUjJyCkoqahpaOnoGRiZmFlY2dg5OLm4dfUPMK+BASEfMlISUjp6CkoqahpaNnYGRiZmFlY+fg5OLm4RfUvgI+hETEfElIycgpKKmoaWjp6BkYmZhZWNnYOTi5uHn4BXWvgA8hETFfElIycgpKKmoaWjp6BkYmZhZWNnYOTi5uHn5B/SvgQ0hEzJeElIycgpKKmoaWjp6BkYmZhZWNnYOTi5uHX9DwCvgQEhHzJSElI6egpKKmoaWjZ2BkYmZhZWPn4OTi5uEXNL4CPoRExHxJSMnIKSipqGlo6egZGJmYWVjZ2Dk4ubh5+AVNr4APIRExXxJSMnIKSipqGlo6egZGJmYWVjZ2Dk4ubh5+QfMr4ENIRMyXhJSMnIKSipqGlo6egZGJmYWVjZ2Dk4ubh1/Q8gr4EBIR8yUhJSOnoKSipqGlo2dgZGJmYWVj5+Dk4ubhF7S+Aj6ERMR8SUjJyCkoqahpaOnoGRiZmFlY2dg5OLm4efgFba+ADyERMV8SUjJyCkoqahpaOnoGRiZmFlY2dg5OLm4efkH7K+BDSETMl4SUjJyCkoqahpaOnoGRiZmFlY2dg5OLm4df0PEK+BASEfMlISUjp6CkoqahpaNnYGRiZmFlY+fg5OLm4Rd0vgI+hETEfElIycgpKKmoaWjp6BkYmZhZWNnYOTi5uHn4BV2vgA8hETFfElIycgpKKmoaWjp6BkYmZhZWNnYOTi5uHn5B9yvgQ0hEzJeElIycgpKKmoaWjp6BkYmZhZWNnYOTi5uHX9DzCvgQEhHzJSElI6egpKKmoaWjZ2BkYmZhZWPn4OTi5uEX9FdeAR9CImK+JKRk5BSUVNQ0tHT0DIxMzCysbOwcnFzcPPyC/uQV8CEkIuZLQkpGTkFJRU1DS0fPwMjEzMLKxs7BycXNwy/or74CPoRExHxJSMnIKSipqGlo6egZGJmYWVjZ2Dk4ubh5+AX9tVfAh5CImC8JKRk5BSUVNQ0tHT0DIxMzCysbOwcnFzcPv6C//gr4EBIR8yUhJSOnoKSipqGlo2dgZGJmYWVj5+Dk4ubhF/Q3XgEfQiJiviSkZOQUlFTUNLR09AyMTMwsrGzsHJxc3Dz8gv7mK+BDSETMl4SUjJyCkoqahpaOnoGRiZmFlY2dg5OLm4df0N96BXwIiYj5kpCSkVNQUlHT0NLRMzAyMbOwsrFzcHJx8/AL+tuvgA8hETFfElIycgpKKmoaWjp6BkYmZhZWNnYOTi5uHn5Bf+cV8CEkIuZLQkpGTkFJRU1DS0fPwMjEzMLKxs7BycXNwy/o774CPoRExHxJSMnIKSipqGlo6egZGJmYWVjZ2Dk4ubh5+AX9vVfAh5CImC8JKRk5BSUVNQ0tHT0DIxMzCysbOwcnFzcPv6C//wr4EBIR8yUhJSOnoKSipqGlo2dgZGJmYWVj5+Dk4ubhF/QPXgEfQiJiviSkZOQUlFTUNLR09AyMTMwsrGzsHJxc3Dz8gv7hK+BDSETMl4SUjJyCkoqahpaOnoGRiZmFlY2dg5OLm4df0D96BXwIiYj5kpCSkVNQUlHT0NLRMzAyMbOwsrFzcHJx8/AL+sevgA8hETFfElIycgpKKmoaWjp6BkYmZhZWNnYOTi5uHn5B/+QV8CEkIuZLQkpGTkFJRU1DS0fPwMjEzMLKxs7BycXNwy/oD6+ADyERMV8SUjJyCkoqahpaOnoGRiZmFlY2dg5OLm4efkH/9BXwISQi5ktCSkZOQUlFTUNLR8/AyMTMwsrGzsHJxc3DL+ifvQI+hETEfElIycgpKKmoaWjp6BkYmZhZWNnYOTi5uHn4Bf3zV8CHkIiYLwkpGTkFJRU1DS0dPQMjEzMLKxs7BycXNw+/oH/xCvgQEhHzJSElI6egpKKmoaWjZ2BkYmZhZWPn4OTi5uEX9C9fAR9CImK+JKRk5BSUVNQ0tHT0DIxMzCysbOwcnFzcPPyC/tUr4ENIRMyXhJSMnIKSipqGlo6egZGJmYWVjZ2Dk4ubh1/Qv34FfAiJiPmSkJKRU1BSUdPQ0tEzMDIxs7CysXNwcnHz8Av6N6+ADyERMV8SUjJyCkoqahpaOnoGRiZmFlY2dg5OLm4efkH/9hXwISQi5ktCSkZOQUlFTUNLR8/AyMTMwsrGzsHJxc3DL+jfvQI+hETEfElIycgpKKmoaWjp6BkYmZhZWNnYOTi5uHn4Bf37V8CHkIiYLwkpGTkFJRU1DS0dPQMjEzMLKxs7BycXNw+/oP/wCvgQEhHzJSElI6egpKKmoaWjZ2BkYmZhZWPn4OTi5uEX9B9fAR9CImK+JKRk5BSUVNQ0tHT0DIxMzCysbOwcnFzcPPyC/tMr4ENIRMyXhJSMnIKSipqGlo6egZGJmYWVjZ2Dk4ubh1/Qf34FfAiJiPmSkJKRU1BSUdPQ0tEzMDIxs7CysXNwcnHz8Av6L6+ADyERMV8SUjJyCkoqahpaOnoGRiZmFlY2dg5OLm4efkH/9RXwISQi5ktCSkZOQUlFTUNLR8/AyMTMwsrGzsHJxc3DL+i/vQI+hETEfElIycgpKKmoaWjp6BkYmZhZWNnYOTi5uHn4Bf3pK+BDSETMl4SUjJyCkoqahpaOnoGRiZmFlY2dg5OLm4df0J+9Aj6ERMR8SUjJyCkoqahpaOnoGRiZmFlY2dg5OLm4efgF/fdXwIeQiJgvCSkZOQUlFTUNLR09AyMTMwsrGzsHJxc3D7+g//EK+BASEfMlISUjp6CkoqahpaNnYGRiZmFlY+fg5OLm4Rf0P18BH0IiYr4kpGTkFJRU1DS0dPQMjEzMLKxs7BycXNw8/IL+1yvgQ0hEzJeElIycgpKKmoaWjp6BkYmZhZWNnYOTi5uHX9D/fgV8CImI+ZKQkpFTUFJR09DS0TMwMjGzsLKxc3BycfPwC/rzV8CHkIiYLwkpGTkFJRU1DS0dPQMjEzMLKxs7BycXNw+/oL94BXwIiYj5kpCSkVNQUlHT0NLRMzAyMbOwsrFzcHJx8/AL+j+vgA8hETFfElIycgpKKmoaWjp6BkYmZhZWNnYOTi5uHn5B//cV8CEkIuZLQkpGTkFJRU1DS0fPwMjEzMLKxs7BycXNwy/o/70CPoRExHxJSMnIKSipqGlo6egZGJmYWVjZ2Dk4ubh5+AX95SvgQ0hEzJeElIycgpKKmoaWjp6BkYmZhZWNnYOTi5uH/w/huoWzvgSApgAAAABJRU5ErkJggg==",
    ]

    static let subjects = ["语文", "数学", "英语", "科学", "道德与法治", "音乐", "体育"]
    static let topics = ["《秋天的雨》", "两位数乘两位数", "Unit 3 My friends", "空气占据空间吗", "我们的班规", "《彼得与狼》", "立定跳远"]
    static let teachers = ["李红梅", "王志华", "张丽", "刘建国", "陈晓燕", "杨帆", "赵敏"]
    /// A kindergarten's day: 保教活动 observed, and what a visit there sees.
    static let activities = [
        ("游戏活动", "区域游戏“小超市”"), ("生活活动", "午餐与餐后散步"), ("教育活动", "科学活动“会跳舞的纸蛇”"), ("户外体育活动", "户外自主游戏“勇敢者道路”"),
        ("教育活动", "绘本阅读《好饿的毛毛虫》"),
    ]
    static let kindergartenSummaries = [
        "观察大班区域游戏和午餐环节，一日活动安排以游戏为主，未发现书写、拼音等小学化内容；查阅晨午检、消毒和食品留样记录；与教师、保育员和家长交流；巡查户外场地和大型玩具。",
        "围绕本月主题查看幼儿园食堂操作间和留样柜，留样记录完整；观察中班教育活动，师幼互动自然；与家长交流接送和收费公示情况。",
        "观察户外体育活动和生活活动，保育员配合到位；检查园舍安全和消防通道；对上次督导提出的问题进行跟踪。",
    ]
    static let summaries = [
        "推门听课一节，课堂组织有序，学生参与积极；查阅了教师教案和作业批改记录，批改及时，有分层作业设计；与教师、学生座谈，了解“双减”后作业量和课后服务情况；巡查校园安全和食堂。",
        "围绕本月主题开展督导：查看了食堂操作间、留样记录和学生宿舍，饮水设备维护记录齐全；听课一节并与执教教师交流；访谈学生了解睡眠和作业时长。",
        "随堂听课并参加年级组教研活动，教研主题明确；检查课后服务安排和读物管理台账；对上次督导提出的问题进行跟踪。",
    ]

    /// The documents checked and the checks of a demo visit: 五项管理 at a school, the kindergarten checks at a
    /// kindergarten (one in five finds written homework, one in three a food-sample record missing).
    static func demoChecks(_ profile: VisitProfile, k: Int, j: Int, m: Int) -> VisitChecks {
        var checks = VisitChecks()
        if profile.isKindergarten {
            checks.documents = ["保教计划与活动方案", "幼儿一日活动安排", "晨午检与消毒记录"] + (m == 1 ? ["食品采购与留样台账"] : [])
            checks.documentNotes = "查阅本周保教计划、一日活动安排和晨午检记录。"
            var kg = KindergartenObservation()
            kg.noWrittenHomework = (k + j + m) % 5 != 0
            kg.noPrimaryContent = true
            kg.careAndHealth = true
            kg.foodSafety = (j + m) % 3 != 0
            kg.children = 28 + (j * 3 + m) % 6
            kg.careStaff = 4
            kg.feesPublished = true
            checks.kindergarten = kg
            // A finding the inspector judged not a problem keeps its reason with the record.
            for f in KindergartenRules.findings(kg) where !f.ok {
                checks.dismissed = (checks.dismissed ?? [:]).merging([f.message: "当场指出，园方已整改，不再列为问题"]) { a, _ in a }
            }
            return checks
        }
        checks.documents = ["教师备课（教案）", "作业布置与批改", "听课评课记录"] + (m == 1 ? ["安全工作台账"] : [])
        checks.documentNotes = "抽查教案6本、作业本12本。"
        let band = profile.gradeBands.contains(.upperPrimary) ? GradeBand.upperPrimary : profile.gradeBands.first
        checks.workload.band = band
        if band != nil {
            checks.workload.homeworkMinutes = (k + j + m) % 4 == 0 ? 75 : 50
            checks.workload.sleepHours = band == .upperPrimary ? 9.5 + Double(m) * 0.25 : 8.5
        }
        checks.workload.phonesManaged = (j + m) % 3 != 0
        checks.workload.exerciseHour = true
        return checks
    }

    /// The demo's observation: a lesson or 教研活动 at a school, a 保教活动 scored on the kindergarten rubric.
    static func demoObservation(_ profile: VisitProfile, visitID: Int, k: Int, j: Int, m: Int) -> ClassObservation {
        let o = ClassObservation()
        o.visitID = visitID
        o.teacher = teachers[(k * 2 + j + m) % teachers.count]
        let base = 12 + (k + j + m) % 4
        if profile.isKindergarten {
            let (kind, topic) = activities[(k + j + m) % activities.count]
            o.kind = .activity
            o.className = ["小", "中", "大"][(j + m) % 3] + "（\(1 + k % 3)）班"
            o.subject = kind
            o.topic = topic
            o.scores =
                "{\"活动目标\":\(base),\"环境与材料\":\(base + 4),\"师幼互动\":\(base + 7),\"幼儿参与\":\(base + 8),\"保育与安全\":\(base)}"
            o.comment = "活动以幼儿自主探索为主，教师观察指导到位；建议增加低结构材料。"
            return o
        }
        o.kind = m == 2 && j == 1 ? .research : .lesson
        o.className = "\(3 + (j + m) % 4)（\(1 + k % 3)）班"
        o.subject = subjects[(k + j + m) % subjects.count]
        o.topic = topics[(k + j + m) % topics.count]
        o.scores =
            "{\"教学目标\":\(base),\"教学内容\":\(base + 3),\"教学方法\":\(base + 2),\"学生参与\":\(base + 6),\"教学效果\":\(base + 3)}"
        o.comment = "目标明确，环节清楚；建议增加学生自主探究的时间。"
        return o
    }

    static func seed(
        _ db: any Database, district: OrgUnit, schools: [School], inspectors: [Inspector], office: User,
        store: (any AttachmentStore)?
    ) async throws {
        let semester = Semester(startYear: 2026, kind: .autumn)
        // 王建华's area plan, filed; 李秀英's waiting for the office.
        for (n, inspector) in inspectors.prefix(6).enumerated() {
            let plan = AreaPlan()
            plan.inspectorID = inspector.id!
            plan.orgPath = inspector.orgPath
            plan.semester = semester.code
            plan.goals = "落实“六个一”要求，每月到责任学校督导不少于一次，推动“双减”和“五项管理”落地。"
            plan.focus = "课堂教学与作业管理；食堂食品安全；校园及周边安全；教师师德。"
            plan.schedule = semester.months.map { "\($0.label)：" + (MonthlyTheme.example[$0.month] ?? "") }.joined(
                separator: "\n")
            plan.status = n == 1 ? .submitted : (n == 4 ? .returned : .filed)
            plan.officeComment = n == 4 ? "请补充各校的月度督导重点。" : (n == 1 ? "" : "同意备案。")
            plan.submittedAt = date(2026, 9, 8)
            plan.reviewedAt = n == 1 ? nil : date(2026, 9, 12)
            try await plan.save(on: db)
        }
        let months = [(2026, 9), (2026, 10), (2026, 11)]
        var photoIndex = 0
        for (k, inspector) in inspectors.enumerated() {
            let mine = try await Assignment.query(on: db).filter(\.$inspectorID == inspector.id!).filter(
                \.$endDate == nil
            ).all()
            for (j, assignment) in mine.enumerated() {
                guard let school = schools.first(where: { $0.id == assignment.schoolID }) else { continue }
                for (m, (year, month)) in months.enumerated() {
                    // Deliberate gaps: 王建华 misses one school in October; others miss a month here and there;
                    // in November only part of the schools are visited yet (the month is still running).
                    if k == 0 && j == 2 && month == 10 { continue }
                    if k > 0 && (k * 3 + j * 5 + m * 7) % 13 == 0 { continue }
                    if month == 11 && j >= 2 { continue }
                    let day = Day(year: year, month: month, day: min(28, 6 + j * 5 + k % 3))!
                    let profile = school.type.visitProfile
                    let withoutPlan = (k == 0 && j == 1 && month == 11) || (k > 0 && (k * 7 + j) % 9 == 0)
                    var planID: Int?
                    if !withoutPlan {
                        let plan = VisitPlan()
                        plan.inspectorID = inspector.id!
                        plan.schoolID = school.id!
                        plan.orgPath = school.orgPath
                        plan.plannedDate = day.adding(days: -2).description
                        plan.tasks = "了解学校落实本月主题“\(MonthlyTheme.example[month] ?? "")”的情况；跟进上次督导提出的问题。"
                        plan.methods =
                            profile.isKindergarten
                            ? "观察一日活动；查阅保教计划和卫生保健记录；与教师、保育员、家长交流；园舍巡查"
                            : "推门听课；查阅教案和作业批改；与教师、学生座谈；校园巡查"
                        plan.focus = MonthlyTheme.example[month] ?? "常规督导"
                        try await plan.save(on: db)
                        planID = plan.id
                    }
                    let v = Visit()
                    v.schoolID = school.id!
                    v.orgPath = school.orgPath
                    v.inspectorID = inspector.id!
                    v.visitDate = day.description
                    v.startTime = "08:\(10 + (j * 7) % 40)"
                    v.endTime = "11:\(20 + (j * 3) % 30)"
                    v.kind = month == 9 && j == 0 ? .special : .routine
                    v.theme = MonthlyTheme.example[month] ?? ""
                    v.visitPlanID = planID
                    if profile.isKindergarten {
                        v.summary = kindergartenSummaries[(j + m) % kindergartenSummaries.count]
                        v.highlights = j % 2 == 0 ? "区域游戏材料丰富，多为自制和低结构材料。" : "保育员与教师配合默契，生活环节组织有序。"
                    } else {
                        v.summary = summaries[(j + m) % summaries.count]
                        v.highlights = j % 2 == 0 ? "课后服务内容丰富，开设了科技、书法、篮球等社团。" : "作业设计有分层，教师批改细致，有激励性评语。"
                    }
                    let checks = demoChecks(profile, k: k, j: j, m: m)
                    v.checkRecord = checks
                    v.status = .submitted
                    v.submittedAt = date(year, month, day.day, hour: 17)
                    try await v.save(on: db)
                    // A team visit: 李秀英 goes with 王建华 in September.
                    if k == 0 && j == 0 && month == 9 {
                        try await VisitMember(visitID: v.id!, inspectorID: inspectors[1].id!).save(on: db)
                    }
                    try await demoObservation(profile, visitID: v.id!, k: k, j: j, m: m).save(on: db)
                    let onlyOneStudent = k == 0 && j == 1 && month == 10
                    let talks: [(InterviewGroup, Int, String)] =
                        profile.isKindergarten
                        ? [
                            (.teachers, 2, "教师反映一日活动以游戏为主，家长对“幼小衔接”有顾虑。"),
                            (.caregivers, 1, "保育员介绍了晨午检、消毒和午睡值守的做法。"),
                            (.parents, onlyOneStudent ? 1 : 3 + (k + j) % 2, "家长对伙食和接送安排满意，希望多开展户外活动。"),
                        ]
                        : [
                            (.teachers, 2 + (j + m) % 2, "教师反映作业总量已压减，课后服务排班较紧。"),
                            (.students, onlyOneStudent ? 1 : 3 + (k + j) % 3, "学生表示书面作业一般在1小时内完成，每天有大课间活动。"),
                        ]
                    for (group, people, notes) in talks {
                        let i = Interview()
                        i.visitID = v.id!
                        i.group = group
                        i.people = people
                        i.notes = notes
                        i.isInternal = false
                        try await i.save(on: db)
                    }
                    if k == 0 && j == 3 && month == 10 {
                        let i = Interview()
                        i.visitID = v.id!
                        i.group = .parents
                        i.people = 2
                        i.notes = "家长反映个别教师在家长群布置作业，已提醒学校核实（内部记录）。"
                        i.isInternal = true
                        try await i.save(on: db)
                    }
                    if (k + j + m) % 3 == 0 {
                        let p = Problem()
                        p.visitID = v.id!
                        p.schoolID = school.id!
                        p.orgPath = school.orgPath
                        p.inspectorID = inspector.id!
                        let kinds: [(String, ProblemSeverity, ProblemDisposition, String)] =
                            profile.isKindergarten
                            ? [
                                ("办学行为", .serious, .rectify, "大班教室张贴拼音表，个别班级让幼儿描红写字，存在小学化倾向。"),
                                ("安全", .serious, .rectify, "户外大型玩具螺丝松动，防护软垫破损。"),
                                ("食堂卫生", .minor, .rectify, "食品留样量不足125克，留样记录不完整。"),
                                ("办学行为", .minor, .suggest, "收费公示栏未更新本学期保教费标准，建议及时公示。"),
                                ("校园环境", .minor, .refer, "园门口接送时段车辆拥堵，需协调交警部门。"),
                            ]
                            : [
                                ("作业管理", .minor, .rectify, "个别班级书面作业时长超过规定，作业公示不及时。"),
                                ("安全", .serious, .rectify, "教学楼三楼消防通道堆放杂物，灭火器过期未更换。"),
                                ("食堂卫生", .minor, .suggest, "食堂留样记录填写不完整，建议专人负责。"),
                                ("五项管理", .minor, .rectify, "学生手机统一保管制度未落实到班级。"),
                                ("校园环境", .minor, .refer, "校门口道路缺少减速带和交通标志，需协调交警部门。"),
                            ]
                        let pick = kinds[(k + j + m) % kinds.count]
                        (p.category, p.severity, p.disposition, p.description) = pick
                        p.state = m == 0 && k % 2 == 0 ? .closed : .open
                        p.draft = false
                        p.referralDepartment = ""
                        p.referralReply = ""
                        try await p.save(on: db)
                    }
                    if let store, k == 0 || (k + j) % 3 == 0 {
                        let data = Data(base64Encoded: photos[photoIndex % photos.count])!
                        photoIndex += 1
                        let ph = VisitPhoto()
                        ph.visitID = v.id!
                        ph.hash = try await store.put(data)
                        ph.contentType = "image/png"
                        ph.caption =
                            (profile.isKindergarten ? ["保教活动观察", "查阅卫生保健记录", "园舍巡查"] : ["课堂听课", "查阅作业批改", "校园巡查"])[
                                photoIndex % 3]
                        try await ph.save(on: db)
                    }
                }
            }
        }
        // A draft left on the phone yesterday.
        let lastOfFirst = try await Assignment.query(on: db).filter(\.$inspectorID == inspectors[0].id!).filter(
            \.$endDate == nil
        )
        .sort(\.$id).all().last?.schoolID
        if let school = schools.first(where: { $0.id == lastOfFirst }) {
            let v = Visit()
            v.schoolID = school.id!
            v.orgPath = school.orgPath
            v.inspectorID = inspectors[0].id!
            v.visitDate = "2026-11-24"
            v.startTime = "08:30"
            v.endTime = ""
            v.kind = .routine
            v.theme = MonthlyTheme.example[11] ?? ""
            v.summary = "查看了食堂操作间，"
            v.highlights = ""
            v.checks = "{}"
            v.status = .draft
            try await v.save(on: db)
        }
        try await seedNotices(db, district: district, schools: schools, office: office)
        try await seedComplaints(db, district: district, schools: schools, inspectors: inspectors, office: office)
        // Reports: a case study by 王建华 (selected), a summary and a case by 陈国庆.
        for (inspector, kind, title, selected) in [
            (inspectors[0], ReportKind.caseStudy, "从“作业公示”入手推动“双减”落地——城关街道中心小学督导案例", true),
            (inspectors[4], ReportKind.summary, "2026年秋季学期第一责任区督导工作小结（期中）", false),
            (inspectors[4], ReportKind.caseStudy, "一次食堂留样检查引发的整改", false),
        ] {
            let r = WorkReport()
            r.inspectorID = inspector.id!
            r.orgPath = inspector.orgPath
            r.semester = semester.code
            r.kind = kind
            r.title = title
            r.body =
                "一、背景\n本学期按照“一月一主题”安排开展督导。\n二、做法\n推门听课、查阅作业、座谈访谈相结合，发现问题当场反馈并跟踪整改。\n三、成效与反思\n学校建立了作业公示制度，学生书面作业时长明显下降。"
            r.selected = selected
            try await r.save(on: db)
        }
    }

    /// Rectification notices in every state: awaiting the school, acknowledged, awaiting re-check, returned once,
    /// overdue and escalated, closed — each from a problem found on a real visit of the demo.
    static func seedNotices(_ db: any Database, district: OrgUnit, schools: [School], office: User) async throws {
        struct Plan {
            let school: Int
            let category: String
            let text: String
            let state: NoticeState
            let deadline: String
            let escalations: [EscalationStep]
        }
        let plans = [
            Plan(
                school: 0, category: "安全", text: "教学楼三楼消防通道堆放杂物，两具灭火器过期未更换。", state: .issued, deadline: "2026-12-20",
                escalations: []),
            Plan(
                school: 1, category: "作业管理", text: "四年级部分班级书面作业时长超过60分钟，作业公示不及时。", state: .reported,
                deadline: "2026-12-10", escalations: []),
            Plan(
                school: 2, category: "食堂卫生", text: "食堂留样不足125克，留样记录缺少签字。", state: .issued, deadline: "2026-11-12",
                escalations: [.reminder, .interview]),
            Plan(
                school: 3, category: "五项管理", text: "学生手机统一保管制度未落实到班级。", state: .closed, deadline: "2026-10-31",
                escalations: []),
            Plan(
                school: 4, category: "安全", text: "校门口缺少减速带，上下学时段无人护导。", state: .acknowledged, deadline: "2026-12-15",
                escalations: []),
            Plan(
                school: 5, category: "课程教学", text: "课程表中科学课课时不足国家课程方案要求。", state: .returned, deadline: "2026-12-05",
                escalations: []),
        ]
        var sequence = 0
        for plan in plans {
            let school = schools[plan.school]
            guard
                let visit = try await Visit.query(on: db).filter(\.$schoolID == school.id!).filter(
                    \.$status == .submitted
                )
                .sort(\.$visitDate, .descending).first()
            else { continue }
            let p = Problem()
            p.visitID = visit.id!
            p.schoolID = school.id!
            p.orgPath = school.orgPath
            p.inspectorID = visit.inspectorID!
            p.category = plan.category
            p.severity = plan.category == "安全" ? .serious : .minor
            p.disposition = .rectify
            p.description = plan.text
            p.state = plan.state == .closed ? .closed : .open
            p.draft = false
            p.referralDepartment = ""
            p.referralReply = ""
            p.deadline = plan.deadline
            try await p.save(on: db)
            sequence += 1
            let n = RectificationNotice()
            n.districtID = district.id!
            n.orgPath = school.orgPath
            n.schoolID = school.id!
            n.inspectorID = visit.inspectorID!
            n.year = 2026
            n.sequence = sequence
            n.number = NoticeNumber.format(prefix: "青督整", year: 2026, sequence: sequence)
            n.requirements = "1. 立即整改，逐项落实责任人；\n2. 建立长效管理制度；\n3. 整改完成后报送整改报告及照片等佐证材料。"
            n.deadline = plan.deadline
            n.state = plan.state
            n.needsVisit = plan.category == "安全"
            n.issuedAt = date(2026, 10, 20)
            n.closedAt = plan.state == .closed ? date(2026, 11, 2) : nil
            n.escalation = plan.escalations.last
            try await n.save(on: db)
            p.noticeID = n.id
            try await p.save(on: db)
            try await NoticeProblem(noticeID: n.id!, problemID: p.id!).save(on: db)
            var steps: [(String, String, String)] = [("create", "王建华", "生成整改通知书（1个问题）"), ("issue", "王建华", "")]
            if [.acknowledged, .reported, .returned, .closed].contains(plan.state) {
                steps.append(("acknowledge", school.name, ""))
            }
            if [.reported, .returned, .closed].contains(plan.state) { steps.append(("report", school.name, "提交整改报告")) }
            if plan.state == .returned { steps.append(("returnReport", "责任督学", "整改报告未附课程表调整后的照片，请补充。")) }
            if plan.state == .closed { steps.append(("close", "责任督学", "已到校核查，整改到位，同意销号。")) }
            for e in plan.escalations {
                // The timer reminds; 约谈 and 通报 it only proposes to the office (问责办法).
                steps.append(
                    e == .reminder
                        ? ("escalate:reminder", "系统", "逾期未报送整改报告，提醒办理")
                        : ("propose:" + e.rawValue, "系统", "逾期未报送整改报告，建议\(e.label)（待督导室决定）"))
            }
            for (action, actor, comment) in steps {
                let e = CaseEvent()
                e.target = "notice"
                e.targetID = n.id!
                e.action = action
                e.actorID = nil
                e.actorName = actor
                e.comment = comment
                try await e.save(on: db)
            }
            if [.reported, .returned, .closed].contains(plan.state) {
                let r = RectificationReport()
                r.noticeID = n.id!
                r.body = "针对通知书所列问题，学校召开专题会议，明确分管校长为第一责任人：\n1. 已完成整改；\n2. 修订了相关管理制度并公示。"
                r.files = "[]"
                r.submittedBy = office.id!
                r.outcome = plan.state == .closed ? "accepted" : plan.state == .returned ? "returned" : "pending"
                r.reviewComment =
                    plan.state == .returned ? "整改报告未附课程表调整后的照片，请补充。" : (plan.state == .closed ? "整改到位，同意销号。" : "")
                r.reviewedAt = plan.state == .reported ? nil : date(2026, 11, 2)
                try await r.save(on: db)
            }
            if !plan.escalations.filter({ $0 != .reminder }).isEmpty {
                try await seedDecision(db, notice: n, school: school, district: district, office: office)
            }
        }
    }

    /// The office's 约谈 of the school whose notice is long overdue, decided on 25 November: its 申辩 window
    /// runs to 10 December.
    static func seedDecision(
        _ db: any Database, notice: RectificationNotice, school: School, district: OrgUnit, office: User
    ) async throws {
        let d = AccountabilityDecision()
        d.districtID = district.id!
        d.orgPath = notice.orgPath
        d.source = "notice"
        d.sourceID = notice.id
        d.target = .unit
        d.targetName = school.name
        d.targetSchoolID = school.id
        d.measure = .unitInterview
        d.reason = "整改通知书 \(notice.number) 逾期未报送整改报告，经责任督学提醒仍未整改。"
        d.documentNumber = "\(district.name.prefix(1))督问〔2026〕1号"
        d.decidedOn = "2026-11-25"
        d.state = .decided
        d.response = ""
        d.responseFiles = "[]"
        d.outcomeComment = ""
        d.decidedBy = office.id!
        try await d.save(on: db)
        let e = CaseEvent()
        e.target = "notice"
        e.targetID = notice.id!
        e.action = "decide:unitInterview"
        e.actorID = office.id
        e.actorName = office.displayName
        e.comment = "问责决定 \(d.documentNumber)：对\(school.name)约谈"
        try await e.save(on: db)
    }

    /// Complaints from the public and by phone, one in each state, one overdue and escalated.
    static func seedComplaints(
        _ db: any Database, district: OrgUnit, schools: [School], inspectors: [Inspector], office: User
    ) async throws {
        let s = try await DistrictSettings.forDistrict(district.id!, on: db)
        s.holidays = "2026-10-01~2026-10-07\n+2026-09-27\n+2026-10-10\n2027-01-01"
        try await s.save(on: db)
        let calendar = s.workingCalendar
        let limits = s.complaintTimeLimits
        struct C {
            let school: Int?
            let category: String
            let text: String
            let state: ComplaintState
            let received: String
            let stage: String
            let channel: String
            let name: String
            let phone: String
            let reply: String
        }
        let list = [
            C(
                school: 0, category: "违规补课", text: "听说学校六年级周六在校外培训机构组织补课，每人收费200元。", state: .received,
                received: "2026-11-24", stage: "2026-11-24",
                channel: "online", name: "", phone: "", reply: ""),
            C(
                school: 1, category: "课业负担", text: "孩子四年级，每天数学作业要做到晚上十点，家长群里还要求打卡。", state: .accepted,
                received: "2026-11-18", stage: "2026-11-19",
                channel: "online", name: "张女士", phone: "13805731234", reply: ""),
            C(
                school: 2, category: "食堂卫生", text: "学校食堂饭菜经常是凉的，上周有学生吃完拉肚子。", state: .verifying, received: "2026-11-10",
                stage: "2026-11-11",
                channel: "phone", name: "李先生", phone: "13905735678", reply: ""),
            C(
                school: 4, category: "乱收费", text: "开学收了300元“班费”，没有收据，也没有公示用途。", state: .handling,
                received: "2026-10-20", stage: "2026-10-28",
                channel: "phone", name: "", phone: "", reply: ""),
            C(
                school: 3, category: "校园安全", text: "放学时校门口车辆乱停，孩子过马路很危险。", state: .replied, received: "2026-10-12",
                stage: "2026-10-26",
                channel: "online", name: "王先生", phone: "13705739876",
                reply: "经核实，学校已安排教师在放学时段护导，并已协调交警在校门口施划禁停线、增设减速带。感谢您的监督。"),
            C(
                school: 5, category: "师德师风", text: "某老师上课时经常用手机，对学生说话很难听。", state: .closed, received: "2026-09-15",
                stage: "2026-10-09",
                channel: "online", name: "", phone: "", reply: "经核实，学校已对该教师进行批评教育并责令书面检查，学校组织全体教师开展师德专题学习。"),
            C(
                school: nil, category: "其他", text: "希望区里多建几所公办幼儿园，附近的民办园收费太高。", state: .rejected,
                received: "2026-11-02", stage: "2026-11-03",
                channel: "online", name: "", phone: "", reply: "您反映的学前教育资源规划问题不属于教育督导受理范围，已转区教育局基础教育科研究，可拨打12345咨询。"),
        ]
        for (n, item) in list.enumerated() {
            let school = item.school.map { schools[$0] }
            let c = Complaint()
            c.districtID = district.id!
            c.orgPath = school?.orgPath ?? district.path
            c.schoolID = school?.id
            c.trackingCode = "TS-QC26-" + ["2345", "3456", "4567", "5678", "6789", "7892", "8923"][n]
            c.channel = item.channel
            c.category = item.category
            c.content = item.text
            c.complainantName = item.name
            c.complainantPhone = item.phone
            c.anonymous = item.name.isEmpty && item.phone.isEmpty
            c.files = "[]"
            c.state = item.state
            c.inspectorID =
                try await school.asyncMap {
                    try await DirectoryQueries.responsible(of: [$0.id!], on: db)[$0.id!]?.id
                } ?? nil
            c.receivedOn = item.received
            c.stageStarted = item.stage
            c.deadline =
                ComplaintMachine.deadline(
                    state: item.state, stageStarted: Day(parsing: item.stage)!, limits: limits, calendar: calendar)?
                .description
            c.reply = item.reply
            c.repliedOn = item.reply.isEmpty ? nil : item.stage
            c.recordedBy = item.channel == "phone" ? office.id : nil
            c.sourceIP = item.channel == "phone" ? "phone" : "demo"
            c.escalation = item.state == .handling ? .interview : nil
            c.createdAt = date(
                Int(item.received.prefix(4))!, Int(item.received.dropFirst(5).prefix(2))!, Int(item.received.suffix(2))!
            )
            try await c.save(on: db)
            var steps: [(String, String, String)] = [("create", item.channel == "phone" ? "督导室（电话登记）" : "网上投诉", "")]
            let order: [ComplaintState] = [.accepted, .verifying, .handling, .replied, .closed]
            let actions: [ComplaintAction] = [.accept, .startVerifying, .finishVerifying, .reply, .close]
            if item.state == .rejected {
                steps.append(("reject", "督导室 陈立新", "不属于督导受理范围"))
            } else if let reached = order.firstIndex(of: item.state) {
                for a in actions.prefix(reached + 1) {
                    steps.append((a.rawValue, a == .close || a == .accept ? "督导室 陈立新" : "责任督学", ""))
                }
            }
            if item.state == .handling {
                steps.append(("escalate:reminder", "系统", "处理中环节超过期限，提醒办理"))
                steps.append(("propose:interview", "系统", "处理中环节超过期限，建议约谈（待督导室决定）"))
            }
            // Each step dated between the day it was received and the day its stage started, as it happened.
            let received = Day(parsing: item.received)!
            let span = max(0, Day(parsing: item.stage)!.ordinal - received.ordinal)
            for (k, (action, actor, comment)) in steps.enumerated() {
                let e = CaseEvent()
                e.target = "complaint"
                e.targetID = c.id!
                e.action = action
                e.actorName = actor
                e.comment = comment
                try await e.save(on: db)
                let day = received.adding(days: steps.count > 1 ? span * k / (steps.count - 1) : 0)
                try await CaseEvent.query(on: db).filter(\.$id == e.id!).set(\.$createdAt, to: day.date(hour: 9 + k))
                    .update()
            }
        }
    }

    static func date(_ y: Int, _ m: Int, _ d: Int, hour: Int = 9) -> Date {
        var c = DateComponents()
        c.year = y
        c.month = m
        c.day = d
        c.hour = hour
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = Day.shanghai
        return cal.date(from: c)!
    }
}
