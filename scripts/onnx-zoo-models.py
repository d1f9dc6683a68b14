#!/usr/bin/env python3
"""Builds small ONNX exports of four modern CNNs with onnx.helper, the nodes laid out as PyTorch's exporter lays them
out, and prints what ONNX's own shape inference says of them: each weight layer's output shape and the MAC total.
RealNetworkExportsTest imports the files with pimsyn and checks its shapes and MACs against these figures.

  shufflenet_v2_x0_25   torchvision ShuffleNetV2 at a quarter of x1.0's widths (24, 24, 48, 96, conv5 256), stages
                        of 4, 8 and 4 blocks, 10 classes, 64x64 input, opset 18: x.chunk(2, dim=1) as Split (the
                        first stage with num_outputs, the others with the split input), the channel shuffle as
                        Reshape, Transpose, Reshape (the shapes computed from Shape in the first block), depthwise
                        3x3 convolutions, Concat, x.mean((2, 3)) as ReduceMean.
  convnext_block_stack  torchvision ConvNeXt at widths 24, 48 (2 and 2 blocks), 10 classes, 64x64, opset 17: stem
                        Conv 4x4/4 and LayerNorm2d (Transpose to NHWC, LayerNormalization, Transpose back); each block
                        a depthwise 7x7, Transpose, LayerNormalization, Linear 4C (MatMul and Add on N x H x W x C),
                        GELU as Div, Erf, Add, Mul, Mul, Linear C, layer scale Mul, Transpose, residual Add.
  mobilenet_v3_se       MobileNetV3-small-like at a quarter width, 96x96, opset 14: HardSwish, depthwise
                        convolutions, squeeze-and-excitation (GlobalAveragePool, Conv 1x1, Relu, Conv 1x1,
                        HardSigmoid, Mul), classifier Gemm, HardSwish, Gemm.
  unet_decoder          a U-Net with 3 levels (8, 16, 24 channels, bottleneck 32), 64x64, opset 13: up-sampling by
                        ConvTranspose 2x2/2, ConvTranspose 3x3/2 with pads 1 and output_padding 1, Resize bilinear
                        (align_corners, scales) and Resize nearest (sizes from Shape, Slice and Concat as
                        F.interpolate(size=skip.shape[2:]) exports it); Concat with the skips.

Weights are zeros in raw_data (only shapes matter), so each file stays small.

MAC convention, per image: Conv N x C_out x H_out x W_out x C_in/group x kH x kW; ConvTranspose each input pixel
times each weight once, C_in x H_in x W_in x C_out/group x kH x kW (the output extent is ONNX's stride x (in - 1) +
output_padding + (kernel - 1) x dilation + 1 - pads); Gemm M x K x N; MatMul the rows of A (all but its last
dimension) x K x N.

Usage: python3 scripts/onnx-zoo-models.py [OUT_DIR]
  OUT_DIR defaults to synthesis/src/test/resources/org/pimsyn/synth/network/onnx/zoo. Needs the onnx and numpy
  packages (no ONNX runtime).
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper, shape_inference

WEIGHT_OPS = ("Conv", "ConvTranspose", "Gemm", "MatMul")


class Graph:
    """A graph under construction: nodes named after their first output, as pimsyn names layers."""

    def __init__(self, name):
        self.name = name
        self.nodes = []
        self.inits = []
        self.count = 0

    def fresh(self, stem):
        self.count += 1
        return f"{stem}_{self.count}"

    def weight(self, stem, dims):
        name = self.fresh(stem)
        self.inits.append(numpy_helper.from_array(np.zeros(dims, dtype=np.float32), name))
        return name

    def const(self, stem, values, dtype=np.int64):
        name = self.fresh(stem)
        self.inits.append(numpy_helper.from_array(np.array(values, dtype=dtype), name))
        return name

    def op(self, op_type, inputs, stem=None, outputs=1, **attrs):
        names = [self.fresh(stem or op_type.lower()) for _ in range(outputs)]
        self.nodes.append(helper.make_node(op_type, inputs, names, name=names[0], **attrs))
        return names[0] if outputs == 1 else names

    def conv(self, x, cin, cout, k, stride=1, pad=None, group=1, bias=True, stem="conv"):
        pad = k // 2 if pad is None else pad
        inputs = [x, self.weight(stem + "_w", (cout, cin // group, k, k))]
        if bias:
            inputs.append(self.weight(stem + "_b", (cout,)))
        return self.op("Conv", inputs, stem, kernel_shape=[k, k], strides=[stride, stride],
                       pads=[pad] * 4, group=group, dilations=[1, 1])

    def model(self, x_shape, output, opset):
        graph = helper.make_graph(self.nodes, self.name,
                                  [helper.make_tensor_value_info("input", TensorProto.FLOAT, x_shape)],
                                  [helper.make_tensor_value_info(output, TensorProto.FLOAT, None)], self.inits)
        model = helper.make_model(graph, producer_name="pimsyn scripts/onnx-zoo-models.py",
                                  opset_imports=[helper.make_opsetid("", opset)])
        model.ir_version = 8
        # The output's shape as an exporter records it: what shape inference gives.
        model.graph.output[0].CopyFrom(shape_inference.infer_shapes(model).graph.output[0])
        onnx.checker.check_model(model, full_check=True)
        return model


# ---- ShuffleNetV2 -------------------------------------------------------------------------------------------

def channel_shuffle(g, x, channels, hw, from_shape):
    if from_shape:
        # x.view(b, 2, c // 2, h, w) with b, h, w taken from x.size(), as a dynamic-batch export computes them.
        shape = g.op("Shape", [x])
        batch = g.op("Gather", [shape, g.const("idx", [0])], axis=0)
        spatial = g.op("Slice", [shape, g.const("start", [2]), g.const("end", [4])])
        split_shape = g.op("Concat", [batch, g.const("groups", [2, channels // 2]), spatial], axis=0)
        merge_shape = g.op("Concat", [batch, g.const("minus1", [-1]), spatial], axis=0)
    else:
        split_shape = g.const("shape", [1, 2, channels // 2, hw, hw])
        merge_shape = g.const("shape", [1, channels, hw, hw])
    x = g.op("Reshape", [x, split_shape])
    x = g.op("Transpose", [x], perm=[0, 2, 1, 3, 4])
    return g.op("Reshape", [x, merge_shape])


def shuffle_block(g, x, cin, cout, stride, hw, split_style, from_shape):
    half = cout // 2
    if stride == 1:
        if split_style == "num_outputs":
            x1, x2 = g.op("Split", [x], "split", outputs=2, axis=1, num_outputs=2)
        else:
            x1, x2 = g.op("Split", [x, g.const("split", [half, half])], "split", outputs=2, axis=1)
        branch_in, branch_cin = x2, half
    else:
        x1 = g.conv(x, cin, cin, 3, stride, 1, group=cin, stem="b1_dw")
        x1 = g.op("Relu", [g.conv(x1, cin, half, 1, stem="b1_pw")])
        branch_in, branch_cin = x, cin
    y = g.op("Relu", [g.conv(branch_in, branch_cin, half, 1, stem="b2_pw1")])
    y = g.conv(y, half, half, 3, stride, 1, group=half, stem="b2_dw")
    y = g.op("Relu", [g.conv(y, half, half, 1, stem="b2_pw2")])
    out = g.op("Concat", [x1, y], axis=1)
    return channel_shuffle(g, out, cout, hw // stride, from_shape)


def shufflenet_v2():
    g = Graph("shufflenet_v2_x0_25")
    widths = [24, 24, 48, 96, 256]
    x = g.op("Relu", [g.conv("input", 3, widths[0], 3, 2, 1)])
    x = g.op("MaxPool", [x], kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1])
    hw, cin = 16, widths[0]
    first = True
    for stage, repeats in enumerate([4, 8, 4]):
        cout = widths[stage + 1]
        for i in range(repeats):
            stride = 2 if i == 0 else 1
            x = shuffle_block(g, x, cin, cout, stride, hw, "num_outputs" if stage == 0 else "input", first)
            first = False
            hw //= stride
            cin = cout
    x = g.op("Relu", [g.conv(x, cin, widths[4], 1)])
    x = g.op("ReduceMean", [x, g.const("axes", [2, 3])], keepdims=0)
    y = g.op("Gemm", [x, g.weight("fc_w", (10, widths[4])), g.weight("fc_b", (10,))], "fc", transB=1)
    return g.model([1, 3, 64, 64], y, 18)


# ---- ConvNeXt ----------------------------------------------------------------------------------------------

def layer_norm_2d(g, x, c):
    x = g.op("Transpose", [x], perm=[0, 2, 3, 1])
    x = g.op("LayerNormalization", [x, g.weight("ln_w", (c,)), g.weight("ln_b", (c,))], axis=-1, epsilon=1e-6)
    return g.op("Transpose", [x], perm=[0, 3, 1, 2])


def linear(g, x, cin, cout):
    y = g.op("MatMul", [x, g.weight("fc_w", (cin, cout))], "linear")
    return g.op("Add", [y, g.weight("fc_b", (cout,))])


def gelu(g, x):
    d = g.op("Div", [x, g.const("sqrt2", 1.4142135, np.float32)])
    e = g.op("Erf", [d])
    a = g.op("Add", [e, g.const("one", 1.0, np.float32)])
    m = g.op("Mul", [x, a])
    return g.op("Mul", [m, g.const("half", 0.5, np.float32)])


def convnext_block(g, x, c):
    y = g.conv(x, c, c, 7, 1, 3, group=c, stem="dw")
    y = g.op("Transpose", [y], perm=[0, 2, 3, 1])
    y = g.op("LayerNormalization", [y, g.weight("ln_w", (c,)), g.weight("ln_b", (c,))], axis=-1, epsilon=1e-6)
    y = gelu(g, linear(g, y, c, 4 * c))
    y = linear(g, y, 4 * c, c)
    y = g.op("Mul", [y, g.weight("layer_scale", (c,))])
    y = g.op("Transpose", [y], perm=[0, 3, 1, 2])
    return g.op("Add", [y, x])


def convnext():
    g = Graph("convnext_block_stack")
    widths, depths = [24, 48], [2, 2]
    x = layer_norm_2d(g, g.conv("input", 3, widths[0], 4, 4, 0, stem="stem"), widths[0])
    for stage, (c, depth) in enumerate(zip(widths, depths)):
        if stage > 0:
            x = g.conv(layer_norm_2d(g, x, widths[stage - 1]), widths[stage - 1], c, 2, 2, 0, stem="down")
        for _ in range(depth):
            x = convnext_block(g, x, c)
    x = g.op("GlobalAveragePool", [x])
    x = layer_norm_2d(g, x, widths[-1])
    x = g.op("Flatten", [x], axis=1)
    y = g.op("Gemm", [x, g.weight("head_w", (10, widths[-1])), g.weight("head_b", (10,))], "head", transB=1)
    return g.model([1, 3, 64, 64], y, 17)


# ---- MobileNetV3 -------------------------------------------------------------------------------------------

def squeeze_excitation(g, x, c, squeeze):
    s = g.op("GlobalAveragePool", [x])
    s = g.op("Relu", [g.conv(s, c, squeeze, 1, stem="se_fc1")])
    s = g.op("HardSigmoid", [g.conv(s, squeeze, c, 1, stem="se_fc2")], alpha=1.0 / 6, beta=0.5)
    return g.op("Mul", [s, x])


def inverted_residual(g, x, cin, expand, cout, k, stride, se, act):
    y = x
    if expand != cin:
        y = g.op(act, [g.conv(y, cin, expand, 1, stem="expand")])
    y = g.op(act, [g.conv(y, expand, expand, k, stride, group=expand, stem="dw")])
    if se:
        y = squeeze_excitation(g, y, expand, max(8, (expand // 4 + 4) // 8 * 8))
    y = g.conv(y, expand, cout, 1, stem="project")
    return g.op("Add", [y, x]) if stride == 1 and cin == cout else y


def mobilenet_v3():
    g = Graph("mobilenet_v3_se")
    x = g.op("HardSwish", [g.conv("input", 3, 8, 3, 2, 1, stem="stem")])
    # MobileNetV3-small's first blocks at a quarter width: (in, expand, out, kernel, stride, SE, activation).
    blocks = [(8, 8, 8, 3, 2, True, "Relu"), (8, 24, 8, 3, 2, False, "Relu"), (8, 24, 8, 3, 1, False, "Relu"),
              (8, 24, 16, 5, 2, True, "HardSwish"), (16, 64, 16, 5, 1, True, "HardSwish"),
              (16, 32, 16, 5, 1, True, "HardSwish"), (16, 48, 24, 5, 2, True, "HardSwish")]
    for b in blocks:
        x = inverted_residual(g, x, *b)
    x = g.op("HardSwish", [g.conv(x, 24, 144, 1, stem="last")])
    x = g.op("Flatten", [g.op("GlobalAveragePool", [x])], axis=1)
    x = g.op("HardSwish", [g.op("Gemm", [x, g.weight("fc1_w", (256, 144)), g.weight("fc1_b", (256,))], "fc1",
                                 transB=1)])
    y = g.op("Gemm", [x, g.weight("fc2_w", (10, 256)), g.weight("fc2_b", (10,))], "fc2", transB=1)
    return g.model([1, 3, 96, 96], y, 14)


# ---- U-Net -------------------------------------------------------------------------------------------------

def double_conv(g, x, cin, cout):
    x = g.op("Relu", [g.conv(x, cin, cout, 3)])
    return g.op("Relu", [g.conv(x, cout, cout, 3)])


def unet():
    g = Graph("unet_decoder")
    widths = [8, 16, 24]
    skips = []
    x, cin = "input", 3
    for c in widths:
        x = double_conv(g, x, cin, c)
        skips.append(x)
        x = g.op("MaxPool", [x], kernel_shape=[2, 2], strides=[2, 2])
        cin = c
    x = double_conv(g, x, cin, 32)
    # Level 3 (8x8 -> 16x16): ConvTranspose 2x2/2, 32 -> 24, as nn.ConvTranspose2d(32, 24, 2, stride=2).
    up = g.op("ConvTranspose", [x, g.weight("up3_w", (32, 24, 2, 2)), g.weight("up3_b", (24,))], "up3",
              kernel_shape=[2, 2], strides=[2, 2])
    x = double_conv(g, g.op("Concat", [skips[2], up], axis=1), 48, 24)
    # Level 2 (16x16 -> 32x32): ConvTranspose 3x3/2, pads 1, output_padding 1 (kernels overlap), 24 -> 16.
    up = g.op("ConvTranspose", [x, g.weight("up2_w", (24, 16, 3, 3))], "up2", kernel_shape=[3, 3],
              strides=[2, 2], pads=[1, 1, 1, 1], output_padding=[1, 1])
    x = double_conv(g, g.op("Concat", [skips[1], up], axis=1), 32, 16)
    # Level 1 (32x32 -> 64x64): nn.Upsample(scale_factor=2, mode='bilinear', align_corners=True), then Conv 1x1.
    up = g.op("Resize", [x, "", g.const("scales", [1.0, 1.0, 2.0, 2.0], np.float32)], "up1", mode="linear",
              coordinate_transformation_mode="align_corners")
    up = g.conv(up, 16, 8, 1, stem="up1_proj")
    x = double_conv(g, g.op("Concat", [skips[0], up], axis=1), 16, 8)
    # A deep-supervision branch: F.interpolate(bottom, size=skip.shape[2:]) (nearest), sizes from Shape.
    shape = g.op("Shape", [skips[0]])
    spatial = g.op("Slice", [shape, g.const("start", [2]), g.const("end", [4]), g.const("axes", [0])])
    sizes = g.op("Concat", [g.const("nc", [1, 32]), spatial], axis=0)
    side = g.op("Relu", [g.conv(skips[2], 24, 32, 1, stem="side")])
    side = g.op("Resize", [side, "", "", sizes], "side_up", mode="nearest",
                coordinate_transformation_mode="asymmetric", nearest_mode="floor")
    side = g.conv(side, 32, 8, 1, stem="side_proj")
    x = g.op("Add", [x, side])
    y = g.conv(x, 8, 2, 1, stem="logits")
    return g.model([1, 3, 64, 64], y, 13)


# ---- what ONNX's shape inference says ----------------------------------------------------------------------

def report(model, path):
    inferred = shape_inference.infer_shapes(model, strict_mode=True, data_prop=True)
    shapes = {}
    for v in list(inferred.graph.value_info) + list(inferred.graph.input) + list(inferred.graph.output):
        dims = v.type.tensor_type.shape.dim
        shapes[v.name] = [d.dim_value for d in dims]
    inits = {t.name: list(t.dims) for t in model.graph.initializer}
    total = 0
    rows = []
    for node in model.graph.node:
        if node.op_type not in WEIGHT_OPS:
            continue
        out = shapes[node.output[0]]
        x = shapes[node.input[0]]
        w = inits[node.input[1]]
        if node.op_type == "Conv":
            macs = int(np.prod(out)) * w[1] * w[2] * w[3]
        elif node.op_type == "ConvTranspose":
            macs = int(np.prod(x)) * w[1] * w[2] * w[3]
        elif node.op_type == "Gemm":
            macs = out[0] * out[1] * w[1]
        else:
            macs = int(np.prod(x[:-1])) * w[0] * w[1]
        total += macs
        rows.append((node.output[0], node.op_type, "x".join(map(str, out)), macs))
    size = os.path.getsize(path)
    print(f"# {model.graph.name}: {len(rows)} weight layers, {total} MACs, {size} bytes")
    for name, op, dims, macs in rows:
        print(f"{name:24} | {op:13} | {dims:14} | {macs}")
    return total


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        root, "synthesis/src/test/resources/org/pimsyn/synth/network/onnx/zoo")
    os.makedirs(out_dir, exist_ok=True)
    print(f"# onnx {onnx.__version__}, onnx.shape_inference.infer_shapes(strict_mode=True, data_prop=True)")
    for build in (shufflenet_v2, convnext, mobilenet_v3, unet):
        model = build()
        path = os.path.join(out_dir, model.graph.name + ".onnx")
        onnx.save(model, path)
        report(model, path)


if __name__ == "__main__":
    main()
