"""MNIST-style preprocessing of a drawn digit."""

import numpy as np
import pytest

from nnviz.core.lessons.digits import area_resize, center_of_mass, ink_bbox, preprocess_digit

#: rounding slack for "within half a pixel": a centre of mass exactly half a pixel off (a tie
#: the whole-pixel shift may break either way) comes out 14.500000000000002 with some BLAS
#: kernels (OpenBLAS' SkylakeX or Nehalem sum the resize matmuls in another order)
HALF_PIXEL = 0.5 + 1e-9


def _blob(shape, top, left, h, w, value=255.0):
    img = np.zeros(shape)
    img[top:top + h, left:left + w] = value
    return img


def test_area_resize_averages_exact_areas():
    img = np.arange(16, dtype=float).reshape(4, 4)
    out = area_resize(img, 2, 2)
    np.testing.assert_allclose(out, [[2.5, 4.5], [10.5, 12.5]])
    # non-integer factor keeps the mean
    img = np.random.default_rng(0).random((7, 5))
    assert area_resize(img, 3, 4).mean() == pytest.approx(img.mean())


def test_area_resize_rejects_bad_shapes():
    with pytest.raises(ValueError):
        area_resize(np.zeros((0, 3)), 2, 2)
    with pytest.raises(ValueError):
        area_resize(np.zeros((3, 3)), 0, 2)


def test_ink_bbox_and_center_of_mass():
    img = _blob((10, 10), 2, 3, 4, 2)
    assert ink_bbox(img) == (2, 3, 6, 5)
    assert ink_bbox(np.zeros((5, 5))) is None
    assert center_of_mass(img) == pytest.approx((3.5, 3.5))
    assert center_of_mass(np.zeros((5, 5))) == (2.0, 2.0)


def test_empty_canvas_gives_zeros():
    out = preprocess_digit(np.zeros((280, 280)))
    assert out.shape == (28, 28) and not out.any()


@pytest.mark.parametrize("h,w", [(200, 60), (50, 240), (30, 30), (280, 280), (3, 1)])
def test_preprocess_fits_20_box_and_centres(h, w):
    canvas = _blob((280, 280), 280 - h, 0, h, w)  # in a corner, far from the centre
    out = preprocess_digit(canvas)
    assert out.shape == (28, 28)
    assert out.min() >= 0 and out.max() <= 255
    top, left, bottom, right = ink_bbox(out)
    assert max(bottom - top, right - left) == 20
    assert bottom - top <= 20 and right - left <= 20
    r, c = center_of_mass(out)
    assert abs(r - 14) <= HALF_PIXEL and abs(c - 14) <= HALF_PIXEL


def test_preprocess_keeps_aspect_ratio_and_grey_levels():
    canvas = np.zeros((280, 280))
    canvas[40:240, 100:150] = 255.0  # 200 x 50 -> 20 x 5
    canvas[40:240, 150:153] = 100.0  # a soft edge
    out = preprocess_digit(canvas)
    top, left, bottom, right = ink_bbox(out)
    assert bottom - top == 20 and right - left == 5
    assert 0 < out[out > 0].min() < 255  # anti-aliased edge


def test_off_centre_mass_is_clipped_to_the_image():
    canvas = np.zeros((100, 100))
    canvas[0:100, 0:2] = 255.0  # a tall bar with a heavy dot at the top
    canvas[0:5, 0:100] = 255.0
    out = preprocess_digit(canvas)
    assert ink_bbox(out)[0] >= 0 and ink_bbox(out)[2] <= 28
    assert out.sum() > 0


def test_real_mnist_digit_is_a_fixed_point(mnist_folder):
    """An MNIST digit upscaled 10x and preprocessed again lands where MNIST put it."""
    from nnviz.core.lessons.datasets import load_mnist

    ds = load_mnist(mnist_folder, verify=False)
    for i in range(20):
        img = ds.x_test[i].reshape(28, 28).astype(float)
        big = np.kron(img, np.ones((10, 10)))
        out = preprocess_digit(big)
        r0, c0 = center_of_mass(img)
        r1, c1 = center_of_mass(out)
        assert abs(r1 - 14) <= HALF_PIXEL and abs(c1 - 14) <= HALF_PIXEL
        assert abs(r1 - r0) <= 1.0 + 1e-9 and abs(c1 - c0) <= 1.0 + 1e-9
